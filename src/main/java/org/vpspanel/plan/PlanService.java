package org.vpspanel.plan;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.account.Actor;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.template.TemplateService;
import org.vpspanel.template.TemplateSummary;

/**
 * Plans: admins keep the global plans, each reseller its own. A reseller sees the global plans and its own,
 * and may change only its own. A plan offers one or more OS templates: its partitions are made and
 * reinstalled only from those.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
public class PlanService {

    private final PlanRepository plans;
    private final TemplateService templates;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    PlanService(PlanRepository plans, TemplateService templates, CurrentUser currentUser, AuditService audit,
                Clock clock) {
        this.plans = plans;
        this.templates = templates;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** A global plan when an admin makes it, the reseller's own when a reseller does. */
    public PlanSummary create(PlanDraft draft) {
        Actor actor = currentUser.require();
        Long owner = actor.isAdmin() ? null : actor.id();
        PlanDraft checked = check(draft, owner, null);
        Plan plan = plans.save(new Plan(owner, checked, clock.instant()));
        audit.record("plan.create", "plan", plan.getId(), describe(plan));
        return summary(plan);
    }

    /**
     * Changes a plan; partitions made from it keep the values they were made with, and the template they
     * have until they are reinstalled.
     */
    public PlanSummary update(long planId, PlanDraft draft) {
        Plan plan = editable(planId);
        plan.apply(check(draft, plan.getOwnerId(), planId));
        audit.record("plan.update", "plan", planId, describe(plan));
        return summary(plan);
    }

    public void delete(long planId) {
        Plan plan = editable(planId);
        try {
            plans.delete(plan);
            plans.flush();
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("plan", "Plan '" + plan.getName() + "' is in use by partitions");
        }
        audit.record("plan.delete", "plan", planId, plan.getName());
    }

    @Transactional(readOnly = true)
    public Page<PlanSummary> find(String text, Pageable pageable) {
        var page = plans.findAll(visible().and(named(text)), pageable);
        Map<Long, TemplateSummary> offered = templatesById(page.getContent());
        return page.map(plan -> summary(plan, offered));
    }

    @Transactional(readOnly = true)
    public long count(String text) {
        return plans.count(visible().and(named(text)));
    }

    /** A plan the current user may see: any for an admin, global or own for a reseller. */
    @Transactional(readOnly = true)
    public PlanSummary get(long planId) {
        return summary(visiblePlan(planId));
    }

    /** What a plan does over its traffic quota, whoever asks: the quota's background task has no signed-in user. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public OverQuotaPolicy overQuotaPolicy(long planId) {
        Plan plan = plans.findById(planId).orElseThrow(() -> new NotFoundException("Plan", planId));
        return new OverQuotaPolicy(plan.getOverQuotaAction(), plan.getOverQuotaRate());
    }

    /**
     * A plan that may be sold to a customer of {@code customerResellerId} (null: of the host): global
     * plans, and that reseller's own.
     */
    @Transactional(readOnly = true)
    public PlanSummary getForSale(long planId, Long customerResellerId) {
        Plan plan = visiblePlan(planId);
        if (plan.getOwnerId() != null && !plan.getOwnerId().equals(customerResellerId)) {
            throw new InvalidInputException("plan", "Plan '" + plan.getName() + "' belongs to another reseller");
        }
        return summary(plan);
    }

    /**
     * The templates a plan offers, for whoever may see a partition of it (its customer too, choosing what to
     * reinstall), sorted by name.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TemplateSummary> templatesOf(long planId) {
        return summary(plans.findById(planId).orElseThrow(() -> new NotFoundException("Plan", planId))).templates();
    }

    /** Plan names by id, for listing things that refer to plans. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> planIds) {
        return plans.findAllById(planIds).stream().collect(Collectors.toMap(Plan::getId, Plan::getName));
    }

    /** The draft with its templates resolved (null: every template), or every problem named by field. */
    private PlanDraft check(PlanDraft draft, Long owner, Long planId) {
        Validation validation = new Validation();
        String name = draft.name() == null ? "" : draft.name().trim();
        validation.check(name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ._+-]{0,62}"), "name",
                "Plan name must be 1-63 letters, digits, spaces or . _ + - and start with a letter or digit");
        validation.check(draft.resources() != null, "resources", "Resources are required");
        if (draft.resources() != null) {
            validation.add(draft.resources().violations());
        }
        validation.check(draft.overQuotaAction() != null, "overQuotaAction", "Choose what happens over the quota");
        validation.check(draft.overQuotaAction() != OverQuotaAction.THROTTLE
                        || ResourceField.NET_EGRESS.checkBounds(draft.overQuotaRate()).isEmpty() && draft.overQuotaRate() > 0,
                "overQuotaRate", "The over-quota rate must be between 64Kbit and 100Gbit");
        validation.check(validation.hasErrorFor("name") || !plans.nameTaken(name, owner, planId), "name",
                "A plan named '" + name + "' exists already");
        Set<Long> existing = templates.all().stream().map(TemplateSummary::id).collect(Collectors.toSet());
        Set<Long> offered = draft.templateIds() == null ? existing : draft.templateIds();
        validation.check(!offered.isEmpty(), "templates", "Choose at least one template");
        validation.check(offered.stream().allMatch(id -> id != null && existing.contains(id)), "templates",
                "Choose templates from the list");
        validation.throwIfInvalid();
        return draft.withTemplates(new HashSet<>(offered));
    }

    private String describe(Plan plan) {
        return plan.getName() + " " + plan.resources() + " templates " + summary(plan).templates().stream()
                .map(TemplateSummary::name).toList();
    }

    private PlanSummary summary(Plan plan) {
        return summary(plan, templatesById(List.of(plan)));
    }

    private PlanSummary summary(Plan plan, Map<Long, TemplateSummary> templatesById) {
        List<TemplateSummary> offered = plan.getTemplateIds().stream().map(templatesById::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(TemplateSummary::name)).toList();
        return new PlanSummary(plan.getId(), plan.getName(), plan.getOwnerId(), plan.resources(),
                plan.getOverQuotaAction(), plan.getOverQuotaRate(), offered);
    }

    /** The templates of these plans by id, in one query. */
    private Map<Long, TemplateSummary> templatesById(Collection<Plan> page) {
        Set<Long> ids = page.stream().flatMap(plan -> plan.getTemplateIds().stream()).collect(Collectors.toSet());
        return templates.byIds(ids);
    }

    private Plan editable(long planId) {
        Actor actor = currentUser.require();
        return plans.findById(planId)
                .filter(p -> actor.isAdmin() || Long.valueOf(actor.id()).equals(p.getOwnerId()))
                .orElseThrow(() -> new NotFoundException("Plan", planId));
    }

    private Plan visiblePlan(long planId) {
        Actor actor = currentUser.require();
        return plans.findById(planId)
                .filter(p -> actor.isAdmin() || p.getOwnerId() == null || p.getOwnerId().equals(actor.id()))
                .orElseThrow(() -> new NotFoundException("Plan", planId));
    }

    private Specification<Plan> visible() {
        Actor actor = currentUser.require();
        return (root, query, cb) -> actor.isAdmin() ? cb.conjunction()
                : cb.or(cb.isNull(root.get("ownerId")), cb.equal(root.get("ownerId"), actor.id()));
    }

    private static Specification<Plan> named(String text) {
        return (root, query, cb) -> text == null || text.isBlank() ? cb.conjunction()
                : cb.like(cb.lower(root.get("name")), "%" + text.trim().toLowerCase(Locale.ROOT) + "%");
    }
}
