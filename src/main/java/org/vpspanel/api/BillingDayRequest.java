package org.vpspanel.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A customer's new billing day. */
record BillingDayRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "28")
                         Integer billingDay) {
}
