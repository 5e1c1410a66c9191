package org.vpspanel.account;

import java.time.Instant;

/**
 * A user as others see it. {@code allocation} is set for resellers only; {@code resellerId} for their customers;
 * {@code billingDay} (1-28) for customers only.
 */
public record AccountSummary(Long id, String username, String email, String fullName, Role role, Long resellerId,
                             String resellerName, boolean enabled, Instant createdAt, Allocation allocation,
                             Integer billingDay) {
}
