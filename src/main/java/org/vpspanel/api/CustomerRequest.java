package org.vpspanel.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.vpspanel.account.NewAccount;

/** A new customer. {@code reseller} (admins only) puts it under that reseller instead of the host. */
record CustomerRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "alice") String username,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "alice@example.com") String email,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 10) String password,
                       String fullName,
                       Reference reseller) {

    NewAccount toNewAccount() {
        return new NewAccount(username, email, fullName, password);
    }
}
