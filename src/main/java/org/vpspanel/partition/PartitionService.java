package org.vpspanel.partition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.account.AccountRules;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Actor;
import org.vpspanel.account.Allocation;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.account.SshKeyInfo;
import org.vpspanel.account.SshKeyService;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeCapacity;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeStatus;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.Hostnames;
import org.vpspanel.resources.Resources;
import org.vpspanel.template.TemplateService;
import org.vpspanel.template.TemplateSummary;

/**
 * Partitions: selling one checks the reseller's allocation and the node's capacity and hands out its
 * addresses, all in one transaction. Every read is scoped: an admin sees all partitions, a reseller its
 * customers', a customer its own; anything else is "not found".
 */
@Service
@Transactional
public class PartitionService {

    private final PartitionRepository partitions;
    private final Placement placement;
    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final PlanService plans;
    private final TemplateService templates;
    private final NodeService nodes;
    private final IpPoolService ipPools;
    private final PartitionJobs jobs;
    private final PartitionJobRepository jobRecords;
    private final UsageSamples usageSamples;
    private final TrafficQuota trafficQuota;
    private final SshKeyService sshKeys;
    private final AuditService audit;
    private final Clock clock;

    PartitionService(PartitionRepository partitions, Placement placement, CurrentUser currentUser,
                     AccountService accounts, PlanService plans, TemplateService templates, NodeService nodes,
                     IpPoolService ipPools, PartitionJobs jobs, PartitionJobRepository jobRecords,
                     UsageSamples usageSamples, TrafficQuota trafficQuota, SshKeyService sshKeys, AuditService audit,
                     Clock clock) {
        this.partitions = partitions;
        this.placement = placement;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.plans = plans;
        this.templates = templates;
        this.nodes = nodes;
        this.ipPools = ipPools;
        this.jobs = jobs;
        this.jobRecords = jobRecords;
        this.usageSamples = usageSamples;
        this.trafficQuota = trafficQuota;
        this.sshKeys = sshKeys;
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
        requireOffered(plan.templates(), templates.get(request.templateId()), plan.name());
        Resources resources = plan.resources().validated();
        Allocation wanted = HeldResources.of(resources);

        placement.requireWithinAllocation(customer.resellerId(), customer.resellerName(), wanted);
        NodeCapacity node = placement.nodeFor(request.nodeId(), wanted);

        Partition partition = partitions.save(new Partition(request.hostname(), customer.id(), customer.resellerId(),
                plan.id(), node.nodeId(), request.templateId(), resources, clock.instant()));
        List<String> addresses = ipPools.allocate(node.nodeId(), wanted.ipv4Addresses(), partition.getId());
        audit.record("partition.create", "partition", partition.getId(), partition.getHostname() + " for "
                + customer.username() + " on " + node.nodeName() + ", plan " + plan.name() + ", " + addresses);
        if (nodeEnrolled(partition)) {
            jobs.enqueue(partition, JobKind.CREATE, Map.of(), currentUser.require().username());
        }
        return summaries(List.of(partition)).getFirst();
    }

    /** Starts the partition; its customer may not while it is suspended. */
    public JobSummary start(long partitionId) {
        return customerAction(partitionId, JobKind.START);
    }

    public JobSummary stop(long partitionId) {
        return customerAction(partitionId, JobKind.STOP);
    }

    public JobSummary restart(long partitionId) {
        return customerAction(partitionId, JobKind.RESTART);
    }

    /**
     * A fresh root filesystem from a template its plan offers: the given one, or (null) the one it has. Its
     * addresses and resources stay.
     */
    public JobSummary reinstall(long partitionId, Long templateId) {
        Partition partition = readyFor(partitionId, JobKind.REINSTALL);
        TemplateSummary template = templates.get(templateId == null ? partition.getTemplateId() : templateId);
        requireOffered(plans.templatesOf(partition.getPlanId()), template,
                plans.namesOf(List.of(partition.getPlanId())).get(partition.getPlanId()));
        return jobs.enqueue(partition, JobKind.REINSTALL, Map.of("templateId", template.id()),
                currentUser.require().username());
    }

    /** The templates the partition may be reinstalled from: those its plan offers. */
    @Transactional(readOnly = true)
    public List<TemplateSummary> reinstallTemplates(long partitionId) {
        return plans.templatesOf(visible(partitionId).getPlanId());
    }

    private static void requireOffered(List<TemplateSummary> offered, TemplateSummary template, String planName) {
        if (offered.stream().noneMatch(t -> t.id().equals(template.id()))) {
            throw new InvalidInputException("template", "Plan '" + planName + "' does not offer template '"
                    + template.name() + "'; choose one of " + String.join(", ",
                    offered.stream().map(TemplateSummary::name).toList()));
        }
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public JobSummary suspend(long partitionId) {
        Partition partition = actionable(partitionId);
        requireState(partition, "suspend", PartitionState.RUNNING, PartitionState.STOPPED);
        return jobs.enqueue(partition, JobKind.SUSPEND, Map.of(), currentUser.require().username());
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public JobSummary unsuspend(long partitionId) {
        Partition partition = actionable(partitionId);
        requireState(partition, "unsuspend", PartitionState.SUSPENDED);
        return jobs.enqueue(partition, JobKind.UNSUSPEND, Map.of(), currentUser.require().username());
    }

    /**
     * Moves the partition to another plan, checked against the reseller's allocation and the node's
     * capacity and free addresses for the difference. The agent applies what the kernel allows live (more or
     * fewer addresses too); the job says what waits for a restart. The partition keeps its template even if
     * the new plan does not offer it, until it is reinstalled.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public JobSummary changePlan(long partitionId, long planId) {
        Partition partition = actionable(partitionId);
        PlanSummary plan = plans.getForSale(planId, partition.getResellerId());
        Resources resources = plan.resources().validated();
        Allocation difference = HeldResources.of(resources).minus(HeldResources.of(partition.resources()));
        if (partition.getResellerId() != null) {
            placement.requireWithinAllocation(partition.getResellerId(),
                    accounts.getCustomer(partition.getCustomerId()).resellerName(), difference);
        }
        NodeCapacity node = placement.withRoomFor(partition.getNodeId(), difference);
        if (difference.ipv4Addresses() > ipPools.freeAddresses(node.nodeId())) {
            throw new InvalidInputException("plan", "Node " + node.nodeName() + " has too few free IPv4 addresses for "
                    + difference.ipv4Addresses() + " more");
        }
        return jobs.enqueue(partition, JobKind.CHANGE_PLAN, Map.of("planId", planId,
                "resources", resources.toBaseUnits()), currentUser.require().username());
    }

    /**
     * Makes root's authorized keys inside the running partition exactly the chosen keys of its customer
     * (none: no key logs in). The job carries the public keys themselves.
     */
    public JobSummary installSshKeys(long partitionId, List<Long> keyIds) {
        if (keyIds == null || keyIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("keys", "Choose SSH keys by their ids");
        }
        Partition partition = customerPartition(partitionId);
        requireState(partition, "install SSH keys into", PartitionState.RUNNING);
        List<String> publicKeys = sshKeys.keysOf(partition.getCustomerId(), keyIds).stream()
                .map(SshKeyInfo::publicKey).toList();
        return jobs.enqueue(partition, JobKind.INSTALL_SSH_KEYS, Map.of("keys", publicKeys),
                currentUser.require().username());
    }

    /** The SSH keys of the partition's customer, to choose from for {@link #installSshKeys}. */
    @Transactional(readOnly = true)
    public List<SshKeyInfo> customerSshKeys(long partitionId) {
        return sshKeys.keysOf(visible(partitionId).getCustomerId());
    }

    /** A new hostname; the partition keeps the old one until the node has taken the new one. */
    public JobSummary changeHostname(long partitionId, String hostname) {
        Hostnames.problem(hostname).ifPresent(problem -> {
            throw new InvalidInputException("hostname", problem);
        });
        Partition partition = customerPartition(partitionId);
        requireState(partition, "change the hostname of", PartitionState.RUNNING, PartitionState.STOPPED);
        return jobs.enqueue(partition, JobKind.CHANGE_HOSTNAME, Map.of("hostname", hostname),
                currentUser.require().username());
    }

    /**
     * Sets root's password inside the running partition. The panel hashes it here (SHA-512 crypt), so the
     * password itself is never stored, queued or sent to the node.
     */
    public JobSummary setRootPassword(long partitionId, String password) {
        Validation validation = new Validation();
        AccountRules.checkPassword(password, "password", validation);
        validation.throwIfInvalid();
        Partition partition = customerPartition(partitionId);
        requireState(partition, "set the root password of", PartitionState.RUNNING);
        String passwordHash = Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8));
        return jobs.enqueue(partition, JobKind.SET_ROOT_PASSWORD, Map.of("passwordHash", passwordHash),
                currentUser.require().username());
    }

    /** The partition's usage over the window, one point per step, oldest first. */
    @Transactional(readOnly = true)
    public List<UsagePoint> usage(long partitionId, UsageWindow window) {
        return usageSamples.points(visible(partitionId).getId(), window, clock.instant());
    }

    /** The partition's traffic this billing month against its quota, and what the quota did, if anything. */
    @Transactional(readOnly = true)
    public TrafficUsage traffic(long partitionId) {
        return trafficQuota.usage(visible(partitionId));
    }

    /**
     * Where the current user's console for the partition opens: only for a running partition that the user
     * may see, and for its customer not while it is suspended. The opening is in the audit log.
     */
    public ConsoleTarget openConsole(long partitionId) {
        Partition partition = visible(partitionId);
        if (partition.getState() != PartitionState.RUNNING) {
            throw new InvalidInputException("partition", partition.getHostname() + " is not running");
        }
        audit.record("console.open", "partition", partitionId, partition.getHostname());
        return new ConsoleTarget(partitionId, partition.getNodeId(), AgentSpecs.agentId(partitionId),
                partition.getHostname());
    }

    /** The times in the window that the kernel held the partition back, newest first. */
    @Transactional(readOnly = true)
    public List<LimitEvent> limitEvents(long partitionId, UsageWindow window) {
        return usageSamples.limitEvents(visible(partitionId).getId(), clock.instant().minus(window.span()));
    }

    /** The partition's latest jobs, newest first. */
    @Transactional(readOnly = true)
    public List<JobSummary> jobs(long partitionId) {
        return jobs.recent(visible(partitionId).getId());
    }

    /** A job on a partition the current user may see. */
    @Transactional(readOnly = true)
    public JobSummary job(long jobId) {
        return jobRecords.findById(jobId).filter(job -> isVisible(job.getPartitionId())).map(PartitionJob::toSummary)
                .orElseThrow(() -> new NotFoundException("Job", jobId));
    }

    private JobSummary customerAction(long partitionId, JobKind kind) {
        return jobs.enqueue(readyFor(partitionId, kind), kind, Map.of(), currentUser.require().username());
    }

    /** A partition its customer may act on, in a state the customer's actions (start ... reinstall) accept. */
    private Partition readyFor(long partitionId, JobKind kind) {
        Partition partition = customerPartition(partitionId);
        requireState(partition, kind.progress().toLowerCase(), PartitionState.RUNNING, PartitionState.STOPPED,
                PartitionState.FAILED);
        return partition;
    }

    /** An actionable partition that is not suspended: its customer may act on it. */
    private Partition customerPartition(long partitionId) {
        Partition partition = actionable(partitionId);
        if (partition.getState() == PartitionState.SUSPENDED) {
            throw new InvalidInputException("partition", partition.getHostname()
                    + " is suspended; ask your provider to unsuspend it");
        }
        return partition;
    }

    /** A visible partition, locked, on an enrolled node, without a job under way. */
    private Partition actionable(long partitionId) {
        Partition partition = partitions.lockById(visible(partitionId).getId()).orElseThrow();
        if (!nodeEnrolled(partition)) {
            throw new InvalidInputException("partition", "The node of " + partition.getHostname()
                    + " is not connected; nothing can be done on it yet");
        }
        jobs.requireIdle(partition);
        return partition;
    }

    private static void requireState(Partition partition, String action, PartitionState... allowed) {
        if (!List.of(allowed).contains(partition.getState())) {
            throw new InvalidInputException("partition", "Cannot " + action.replace("…", "") + " "
                    + partition.getHostname() + " while it is " + partition.getState().label().toLowerCase());
        }
    }

    private boolean nodeEnrolled(Partition partition) {
        return nodes.statusOf(List.of(partition.getNodeId())).get(partition.getNodeId()) != NodeStatus.NOT_ENROLLED;
    }

    /**
     * Destroys a partition and returns its addresses: through a job on its node, or at once when its node
     * has no agent (then nothing was ever built on a host). Returns the job, if there is one.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public java.util.Optional<JobSummary> destroy(long partitionId) {
        Partition partition = partitions.lockById(visible(partitionId).getId()).orElseThrow();
        if (partition.getState() == PartitionState.DESTROYED) {
            throw new InvalidInputException("partition", partition.getHostname() + " is destroyed already");
        }
        if (nodeEnrolled(partition)) {
            jobs.requireIdle(partition);
            return java.util.Optional.of(jobs.enqueue(partition, JobKind.DESTROY, Map.of(),
                    currentUser.require().username()));
        }
        partition.moveTo(PartitionState.DESTROYED, clock.instant());
        ipPools.release(partitionId);
        audit.record("partition.destroy", "partition", partitionId, partition.getHostname());
        return java.util.Optional.empty();
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

    private boolean isVisible(long partitionId) {
        return partitions.exists(visibleSpec().and((root, query, cb) -> cb.equal(root.get("id"), partitionId)));
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
            if (filter.nodeId() != null) {
                predicate = cb.and(predicate, cb.equal(root.get("nodeId"), filter.nodeId()));
            }
            return predicate;
        };
    }

    /** Summaries for a page of partitions, looking up the names they refer to in one query per kind. */
    private List<PartitionSummary> summaries(List<Partition> page) {
        Map<Long, String> customerNames = accounts.namesOf(ids(page, Partition::getCustomerId));
        Map<Long, String> planNames = plans.namesOf(ids(page, Partition::getPlanId));
        Map<Long, String> nodeNames = nodes.namesOf(ids(page, Partition::getNodeId));
        Map<Long, TemplateSummary> templatesById = templates.byIds(ids(page, Partition::getTemplateId));
        Map<Long, List<String>> addresses = ipPools.addressesOf(ids(page, Partition::getId));
        Map<Long, NodeStatus> nodeStatus = nodes.statusOf(ids(page, Partition::getNodeId));
        Map<Long, JobSummary> activeJobs = jobRecords.unfinishedOf(ids(page, Partition::getId)).stream()
                .collect(Collectors.toMap(PartitionJob::getPartitionId, PartitionJob::toSummary, (a, b) -> a));
        return page.stream().map(p -> new PartitionSummary(p.getId(), p.getHostname(), p.getCustomerId(),
                customerNames.get(p.getCustomerId()), p.getPlanId(), planNames.get(p.getPlanId()), p.getNodeId(),
                nodeNames.get(p.getNodeId()), nodeStatus.get(p.getNodeId()).answering(),
                p.getTemplateId(), templatesById.get(p.getTemplateId()).name(), addresses.getOrDefault(p.getId(), List.of()), p.getState(),
                p.getCreatedAt(), p.resources(), activeJobs.get(p.getId()))).toList();
    }

    private static Set<Long> ids(Collection<Partition> page, java.util.function.Function<Partition, Long> id) {
        return page.stream().map(id).collect(Collectors.toSet());
    }
}
