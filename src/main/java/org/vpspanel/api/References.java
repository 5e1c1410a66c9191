package org.vpspanel.api;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Actor;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.partition.NewPartition;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.template.TemplateService;
import org.vpspanel.template.TemplateSummary;

/**
 * Turns the {@link Reference}s of a request into ids, through the services, so that only objects the caller
 * may see are found. A reference to anything else is a 400 naming the field, like any other bad input.
 */
@Component
class References {

    /** Plans with the same name: a reseller's own and a global one at most, so one page finds them. */
    private static final int PLAN_CANDIDATES = 50;

    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final PlanService plans;
    private final TemplateService templates;
    private final NodeService nodes;
    private final PartitionService partitions;

    References(CurrentUser currentUser, AccountService accounts, PlanService plans, TemplateService templates,
               NodeService nodes, PartitionService partitions) {
        this.partitions = partitions;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.plans = plans;
        this.templates = templates;
        this.nodes = nodes;
    }

    /**
     * The reseller a new customer goes under, null for none. Only an admin chooses; a reseller's customers
     * are its own, and a customer may not open accounts at all (the service answers 403).
     */
    Long resellerId(Reference reseller) {
        Actor actor = currentUser.require();
        if (reseller == null || actor.isCustomer()) {
            return null;
        }
        if (actor.isReseller()) {
            throw new InvalidInputException("reseller", "Only an admin chooses the reseller: yours are your own");
        }
        return reseller.id() != null ? reseller.id()
                : find("reseller", reseller, () -> accounts.getResellerByUsername(reseller.name()).id());
    }

    NewPartition newPartition(PartitionRequest request) {
        new Validation()
                .check(request.customer() != null, "customer", "Name the customer (id or user name)")
                .check(request.plan() != null, "plan", "Name the plan (id or name)")
                .check(request.template() != null, "template", "Name the template (id or name)")
                .throwIfInvalid();
        AccountSummary customer = find("customer", request.customer(), () -> request.customer().id() != null
                ? accounts.getCustomer(request.customer().id())
                : accounts.getCustomerByUsername(request.customer().name()));
        Long planId = find("plan", request.plan(), () -> plan(request.plan(), customer.resellerId()).id());
        Long templateId = find("template", request.template(), () -> template(request.template()).id());
        Long nodeId = request.node() == null ? null : request.node().id() != null ? request.node().id()
                : find("node", request.node(), () -> node(request.node().name()).id());
        return new NewPartition(customer.id(), planId, templateId, request.hostname(), nodeId);
    }

    /** The plan a partition may move to: one for sale to its customer. */
    long planForPartition(Reference plan, long partitionId) {
        new Validation().check(plan != null, "plan", "Name the plan (id or name)").throwIfInvalid();
        Long resellerId = accounts.getCustomer(partitions.get(partitionId).customerId()).resellerId();
        return find("plan", plan, () -> plan(plan, resellerId).id());
    }

    /** The ids of the templates a plan is to offer. */
    Set<Long> templateIds(List<Reference> references) {
        new Validation().check(references.stream().noneMatch(Objects::isNull), "templates",
                "Name each template by its id or name").throwIfInvalid();
        return references.stream().map(template -> find("templates", template, () -> template(template).id()))
                .collect(Collectors.toSet());
    }

    /** The template a partition is to be reinstalled from, or null for the one it has. */
    Long reinstallTemplateId(Reference template) {
        return template == null ? null : find("template", template, () -> template(template).id());
    }

    /** Plans for sale to a customer of the reseller: global ones and the reseller's own, its own first. */
    private PlanSummary plan(Reference plan, Long customerResellerId) {
        if (plan.id() != null) {
            return plans.getForSale(plan.id(), customerResellerId);
        }
        return plans.find(plan.name(), PageRequest.of(0, PLAN_CANDIDATES)).stream()
                .filter(p -> p.name().equalsIgnoreCase(plan.name()))
                .filter(p -> p.global() || Objects.equals(p.ownerId(), customerResellerId))
                .min(Comparator.comparing(PlanSummary::global))
                .orElseThrow(() -> new NotFoundException("Plan", plan));
    }

    private TemplateSummary template(Reference template) {
        return template.id() != null ? templates.get(template.id())
                : templates.all().stream().filter(t -> t.name().equalsIgnoreCase(template.name())).findFirst()
                .orElseThrow(() -> new NotFoundException("Template", template));
    }

    private NodeSummary node(String name) {
        return nodes.all().stream().filter(n -> n.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Node", name));
    }

    private static <T> T find(String field, Reference reference, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException e) {
            throw new InvalidInputException(field, "No " + field + " " + reference + " that you may use");
        }
    }
}
