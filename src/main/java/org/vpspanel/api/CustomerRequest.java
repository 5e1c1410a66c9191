package org.vpspanel.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.vpspanel.account.NewAccount;

/**
 * A new customer. {@code reseller} (admins only) puts it under that reseller instead of the host;
 * {@code billingDay} (1-28) defaults to the day of the month it is opened, 28 at most.
 */
record CustomerRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "alice") String username,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "alice@example.com") String email,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 10) String password,
                       String fullName,
                       Reference reseller,
                       @Schema(minimum = "1", maximum = "28") Integer billingDay) {

    NewAccount toNewAccount() {
        return new NewAccount(username, email, fullName, password);
    }
}
