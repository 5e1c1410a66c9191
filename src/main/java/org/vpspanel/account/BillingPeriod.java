package org.vpspanel.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.vpspanel.common.Validation;

/**
 * A customer's billing month: from 00:00 UTC on its billing day up to the same day of the next month. The
 * billing day is 1-28, so that every month, February of a common year too, has it.
 */
public record BillingPeriod(Instant start, Instant end) {

    public static final int FIRST_DAY = 1;
    public static final int LAST_DAY = 28;

    /** The billing period with this billing day that {@code at} falls in. */
    public static BillingPeriod containing(Instant at, int billingDay) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        LocalDate start = date.withDayOfMonth(billingDay);
        if (start.isAfter(date)) {
            start = start.minusMonths(1);
        }
        return new BillingPeriod(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                start.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** A new customer's billing day when none is chosen: the day it is opened (UTC), 28 after the 28th. */
    public static int defaultDay(Instant opened) {
        return Math.min(LocalDate.ofInstant(opened, ZoneOffset.UTC).getDayOfMonth(), LAST_DAY);
    }

    public static void checkDay(Integer billingDay, Validation validation) {
        validation.check(billingDay != null && billingDay >= FIRST_DAY && billingDay <= LAST_DAY, "billingDay",
                "Billing day must be a day of the month from " + FIRST_DAY + " to " + LAST_DAY);
    }
}
