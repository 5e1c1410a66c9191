package org.vpspanel.plan;

import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
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

/**
 * Plans: admins keep the global plans, each reseller its own. A reseller sees the global plans and its own,
 * and may change only its own.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
public class PlanService {

    private final PlanRepository plans;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    PlanService(PlanRepository plans, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.plans = plans;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** A global plan when an admin makes it, the reseller's own when a reseller does. */
    public PlanSummary create(PlanDraft draft) {
        Actor actor = currentUser.require();
        Long owner = actor.isAdmin() ? null : actor.id();
        check(draft, owner, null);
        Plan plan = plans.save(new Plan(owner, draft, clock.instant()));
        audit.record("plan.create", "plan", plan.getId(), plan.getName() + " " + draft.resources());
        return plan.toSummary();
    }

    /** Changes a plan; partitions made from it keep the values they were made with. */
    public PlanSummary update(long planId, PlanDraft draft) {
        Plan plan = editable(planId);
        check(draft, plan.getOwnerId(), planId);
        plan.apply(draft);
        audit.record("plan.update", "plan", planId, plan.getName() + " " + draft.resources());
        return plan.toSummary();
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
        return plans.findAll(visible().and(named(text)), pageable).map(Plan::toSummary);
    }

    @Transactional(readOnly = true)
    public long count(String text) {
        return plans.count(visible().and(named(text)));
    }

    /** A plan the current user may see: any for an admin, global or own for a reseller. */
    @Transactional(readOnly = true)
    public PlanSummary get(long planId) {
        return visiblePlan(planId).toSummary();
    }

    /** A plan whoever asks, for background tasks without a signed-in user (the traffic quota reads its action). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public PlanSummary getUnscoped(long planId) {
        return plans.findById(planId).orElseThrow(() -> new NotFoundException("Plan", planId)).toSummary();
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
        return plan.toSummary();
    }

    /** Plan names by id, for listing things that refer to plans. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> planIds) {
        return plans.findAllById(planIds).stream().collect(Collectors.toMap(Plan::getId, Plan::getName));
    }

    private void check(PlanDraft draft, Long owner, Long planId) {
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
        validation.throwIfInvalid();
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
