package org.vpspanel.plan;

import org.vpspanel.resources.Resources;

/** A plan as its author writes it. {@code overQuotaRate} is in bits per second. */
public record PlanDraft(String name, Resources resources, OverQuotaAction overQuotaAction, long overQuotaRate) {
}
