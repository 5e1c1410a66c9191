package org.vpspanel.partition;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Actor;
import org.vpspanel.account.Allocation;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeCapacity;
import org.vpspanel.node.NodeService;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.Hostnames;
import org.vpspanel.resources.Resources;
import org.vpspanel.template.TemplateService;

/**
 * Partitions: selling one checks the reseller's allocation and the node's capacity and hands out its
 * addresses, all in one transaction. Every read is scoped: an admin sees all partitions, a reseller its
 * customers', a customer its own; anything else is "not found".
 */
@Service
@Transactional
public class PartitionService {

    private final PartitionRepository partitions;
    private final HeldResources held;
    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final PlanService plans;
    private final TemplateService templates;
    private final NodeService nodes;
    private final IpPoolService ipPools;
    private final AuditService audit;
    private final Clock clock;

    PartitionService(PartitionRepository partitions, HeldResources held, CurrentUser currentUser,
                     AccountService accounts, PlanService plans, TemplateService templates, NodeService nodes,
                     IpPoolService ipPools, AuditService audit, Clock clock) {
        this.partitions = partitions;
        this.held = held;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.plans = plans;
        this.templates = templates;
        this.nodes = nodes;
        this.ipPools = ipPools;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sells a partition to a customer that the current admin or reseller manages. Refused, with nothing
     * saved, when the input is invalid, the reseller's allocation or the node's capacity would be exceeded,
     * or the node has too few free addresses.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public PartitionSummary create(NewPartition request) {
        Validation validation = new Validation();
        Hostnames.problem(request.hostname()).ifPresent(problem -> validation.check(false, "hostname", problem));
        validation.check(request.customerId() != null, "customer", "Choose a customer");
        validation.check(request.planId() != null, "plan", "Choose a plan");
        validation.check(request.templateId() != null, "template", "Choose a template");
        validation.throwIfInvalid();

        AccountSummary customer = accounts.getCustomer(request.customerId());
        PlanSummary plan = plans.getForSale(request.planId(), customer.resellerId());
        templates.get(request.templateId());
        Resources resources = plan.resources().validated();
        Allocation wanted = HeldResources.of(resources);

        if (customer.resellerId() != null) {
            Allocation allowed = accounts.lockAllocation(customer.resellerId());
            List<String> exceeded = allowed.exceededBy(held.usedBy(customer.resellerId()).plus(wanted));
            if (!exceeded.isEmpty()) {
                throw new InvalidInputException("plan", "This would exceed reseller " + customer.resellerName()
                        + "'s allocation: " + String.join(", ", exceeded));
            }
        }
        NodeCapacity node = request.nodeId() != null ? checkedNode(request.nodeId(), wanted) : placement(wanted);

        Partition partition = partitions.save(new Partition(request.hostname(), customer.id(), customer.resellerId(),
                plan.id(), node.nodeId(), request.templateId(), resources, clock.instant()));
        List<String> addresses = ipPools.allocate(node.nodeId(), wanted.ipv4Addresses(), partition.getId());
        audit.record("partition.create", "partition", partition.getId(), partition.getHostname() + " for "
                + customer.username() + " on " + node.nodeName() + ", plan " + plan.name() + ", " + addresses);
        return summaries(List.of(partition)).getFirst();
    }

    /**
     * Marks a partition destroyed and returns its addresses. Only for partitions whose node never built
     * them: with no agent connected there is nothing on a host to remove.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public void destroy(long partitionId) {
        Partition partition = visible(partitionId);
        partition.moveTo(PartitionState.DESTROYED, clock.instant());
        ipPools.release(partitionId);
        audit.record("partition.destroy", "partition", partitionId, partition.getHostname());
    }

    @Transactional(readOnly = true)
    public Page<PartitionSummary> find(PartitionFilter filter, Pageable pageable) {
        Page<Partition> page = partitions.findAll(visibleSpec().and(matching(filter)), pageable);
        return new PageImpl<>(summaries(page.getContent()), pageable, page.getTotalElements());
    }

    @Transactional(readOnly = true)
    public long count(PartitionFilter filter) {
        return partitions.count(visibleSpec().and(matching(filter)));
    }

    @Transactional(readOnly = true)
    public PartitionSummary get(long partitionId) {
        return summaries(List.of(visible(partitionId))).getFirst();
    }

    private NodeCapacity checkedNode(long nodeId, Allocation wanted) {
        NodeCapacity capacity = nodes.lockCapacity(nodeId);
        List<String> short_ = shortfall(capacity, wanted);
        if (!short_.isEmpty()) {
            throw new InvalidInputException("node", "Node " + capacity.nodeName() + " has no room: "
                    + String.join(", ", short_));
        }
        return capacity;
    }

    /** The node with the most free memory that has room for the partition and enough free addresses. */
    private NodeCapacity placement(Allocation wanted) {
        return nodes.all().stream()
                .map(node -> nodes.lockCapacity(node.id()))
                .filter(capacity -> shortfall(capacity, wanted).isEmpty())
                .filter(capacity -> ipPools.freeAddresses(capacity.nodeId()) >= wanted.ipv4Addresses())
                .max(Comparator.comparingLong(capacity -> capacity.memory() - held.onNode(capacity.nodeId()).memory()))
                .orElseThrow(() -> new InvalidInputException("node",
                        "No node has room for this plan (vCPUs, memory, disk and free IPv4 addresses)"));
    }

    private List<String> shortfall(NodeCapacity capacity, Allocation wanted) {
        Allocation used = held.onNode(capacity.nodeId()).plus(wanted);
        Allocation room = new Allocation(Integer.MAX_VALUE, (int) Math.min(Integer.MAX_VALUE, capacity.cpus()),
                capacity.memory(), capacity.disk(), Integer.MAX_VALUE);
        return room.exceededBy(used);
    }

    private Partition visible(long partitionId) {
        return partitions.findOne(visibleSpec().and((root, query, cb) -> cb.equal(root.get("id"), partitionId)))
                .orElseThrow(() -> new NotFoundException("Partition", partitionId));
    }

    private Specification<Partition> visibleSpec() {
        Actor actor = currentUser.require();
        return (root, query, cb) -> switch (actor.role()) {
            case ADMIN -> cb.conjunction();
            case RESELLER -> cb.equal(root.get("resellerId"), actor.id());
            case CUSTOMER -> cb.equal(root.get("customerId"), actor.id());
        };
    }

    private static Specification<Partition> matching(PartitionFilter filter) {
        return (root, query, cb) -> {
            var predicate = filter.state() == null ? cb.notEqual(root.get("state"), PartitionState.DESTROYED)
                    : cb.equal(root.get("state"), filter.state());
            if (filter.hostname() != null && !filter.hostname().isBlank()) {
                predicate = cb.and(predicate, cb.like(cb.lower(root.get("hostname")),
                        "%" + filter.hostname().trim().toLowerCase(Locale.ROOT) + "%"));
            }
            return predicate;
        };
    }

    /** Summaries for a page of partitions, looking up the names they refer to in one query per kind. */
    private List<PartitionSummary> summaries(List<Partition> page) {
        Map<Long, String> customerNames = accounts.namesOf(ids(page, Partition::getCustomerId));
        Map<Long, String> planNames = plans.namesOf(ids(page, Partition::getPlanId));
        Map<Long, String> nodeNames = nodes.namesOf(ids(page, Partition::getNodeId));
        Map<Long, String> templateNames = templates.namesOf(ids(page, Partition::getTemplateId));
        Map<Long, List<String>> addresses = ipPools.addressesOf(ids(page, Partition::getId));
        return page.stream().map(p -> new PartitionSummary(p.getId(), p.getHostname(), p.getCustomerId(),
                customerNames.get(p.getCustomerId()), p.getPlanId(), planNames.get(p.getPlanId()), p.getNodeId(),
                nodeNames.get(p.getNodeId()), false, templateNames.get(p.getTemplateId()),
                addresses.getOrDefault(p.getId(), List.of()), p.getState(), p.getCreatedAt(), p.resources())).toList();
    }

    private static Set<Long> ids(Collection<Partition> page, java.util.function.Function<Partition, Long> id) {
        return page.stream().map(id).collect(Collectors.toSet());
    }
}
