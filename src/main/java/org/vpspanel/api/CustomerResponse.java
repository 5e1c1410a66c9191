package org.vpspanel.api;

import java.time.Instant;
import org.vpspanel.account.AccountSummary;

/** A customer; {@code reseller} is null for the host's own customers. Its billing month starts on {@code billingDay}. */
record CustomerResponse(Long id, String username, String email, String fullName, Long resellerId, String reseller,
                        boolean enabled, Instant createdAt, int billingDay) {

    static CustomerResponse of(AccountSummary customer) {
        return new CustomerResponse(customer.id(), customer.username(), customer.email(), customer.fullName(),
                customer.resellerId(), customer.resellerName(), customer.enabled(), customer.createdAt(),
                customer.billingDay());
    }
}
