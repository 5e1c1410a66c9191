package org.vpspanel.plan;

import org.vpspanel.resources.Resources;

/** A plan as it is listed. {@code ownerId} is the reseller that owns it, null for a global (admin) plan. */
public record PlanSummary(Long id, String name, Long ownerId, Resources resources, OverQuotaAction overQuotaAction,
                          long overQuotaRate) {

    public boolean global() {
        return ownerId == null;
    }
}
