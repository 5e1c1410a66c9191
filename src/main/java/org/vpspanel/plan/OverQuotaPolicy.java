package org.vpspanel.plan;

/** What a plan does to a partition over its monthly traffic quota; {@code rate} in bits per second. */
public record OverQuotaPolicy(OverQuotaAction action, long rate) {
}
