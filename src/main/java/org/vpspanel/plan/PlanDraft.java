package org.vpspanel.plan;

import java.util.Set;
import org.vpspanel.resources.Resources;

/**
 * A plan as its author writes it. {@code overQuotaRate} is in bits per second. {@code templateIds} are the OS
 * templates it offers; null stands for every template there is (the default of a new plan), an empty set is
 * refused.
 */
public record PlanDraft(String name, Resources resources, OverQuotaAction overQuotaAction, long overQuotaRate,
                        Set<Long> templateIds) {

    /** What a new plan throttles to over its traffic quota unless its author says otherwise: 1 Mbit/s. */
    public static final long DEFAULT_OVER_QUOTA_RATE = 1_000_000;

    /** The same draft, offering these templates. */
    public PlanDraft withTemplates(Set<Long> templates) {
        return new PlanDraft(name, resources, overQuotaAction, overQuotaRate, templates);
    }
}
