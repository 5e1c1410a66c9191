package org.vpspanel.plan;

import java.util.List;
import org.vpspanel.resources.Resources;
import org.vpspanel.template.TemplateSummary;

/**
 * A plan as it is listed. {@code ownerId} is the reseller that owns it, null for a global (admin) plan;
 * {@code templates} are the OS templates it offers, by name.
 */
public record PlanSummary(Long id, String name, Long ownerId, Resources resources, OverQuotaAction overQuotaAction,
                          long overQuotaRate, List<TemplateSummary> templates) {

    public boolean global() {
        return ownerId == null;
    }
}
