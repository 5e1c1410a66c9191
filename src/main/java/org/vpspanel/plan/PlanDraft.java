package org.vpspanel.plan;

import org.vpspanel.resources.Resources;

/** A plan as its author writes it. {@code overQuotaRate} is in bits per second. */
public record PlanDraft(String name, Resources resources, OverQuotaAction overQuotaAction, long overQuotaRate) {

    /** What a new plan throttles to over its traffic quota unless its author says otherwise: 1 Mbit/s. */
    public static final long DEFAULT_OVER_QUOTA_RATE = 1_000_000;
}
