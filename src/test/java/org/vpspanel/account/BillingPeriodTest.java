package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.Validation;

class BillingPeriodTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static BillingPeriod period(String start, String end) {
        return new BillingPeriod(at(start + "T00:00:00Z"), at(end + "T00:00:00Z"));
    }

    @Test
    void startsOnTheBillingDayAtMidnightUtcAndEndsOnTheSameDayOfTheNextMonth() {
        assertThat(BillingPeriod.containing(at("2026-03-20T12:00:00Z"), 15)).isEqualTo(period("2026-03-15", "2026-04-15"));
        assertThat(BillingPeriod.containing(at("2026-03-10T12:00:00Z"), 15)).isEqualTo(period("2026-02-15", "2026-03-15"));
    }

    @Test
    void theBillingDayItselfBelongsToTheNewPeriodFromMidnight() {
        assertThat(BillingPeriod.containing(at("2026-03-15T00:00:00Z"), 15)).isEqualTo(period("2026-03-15", "2026-04-15"));
        assertThat(BillingPeriod.containing(at("2026-03-14T23:59:59.999Z"), 15)).isEqualTo(period("2026-02-15", "2026-03-15"));
    }

    @Test
    void crossesTheYearAndFebruaryOfCommonAndLeapYears() {
        assertThat(BillingPeriod.containing(at("2026-01-05T08:00:00Z"), 20)).isEqualTo(period("2025-12-20", "2026-01-20"));
        assertThat(BillingPeriod.containing(at("2026-02-28T23:00:00Z"), 28)).isEqualTo(period("2026-02-28", "2026-03-28"));
        assertThat(BillingPeriod.containing(at("2024-02-29T10:00:00Z"), 28)).isEqualTo(period("2024-02-28", "2024-03-28"));
        assertThat(BillingPeriod.containing(at("2024-02-29T10:00:00Z"), 1)).isEqualTo(period("2024-02-01", "2024-03-01"));
        assertThat(BillingPeriod.containing(at("2024-03-01T00:00:00Z"), 1)).isEqualTo(period("2024-03-01", "2024-04-01"));
        // the 31st of a month with billing day 28: still the period that started on the 28th
        assertThat(BillingPeriod.containing(at("2025-12-31T23:59:59Z"), 28)).isEqualTo(period("2025-12-28", "2026-01-28"));
    }

    @Test
    void everyInstantOfTwoYearsLiesInOnePeriodThatStartsOnItsBillingDayAndPeriodsFollowWithoutGaps() {
        for (int day = BillingPeriod.FIRST_DAY; day <= BillingPeriod.LAST_DAY; day++) {
            for (LocalDate date = LocalDate.of(2023, 12, 1); date.isBefore(LocalDate.of(2026, 1, 1)); date = date.plusDays(1)) {
                Instant noon = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
                BillingPeriod period = BillingPeriod.containing(noon, day);
                assertThat(noon).isBetween(period.start(), period.end().minusNanos(1));
                LocalDate start = LocalDate.ofInstant(period.start(), ZoneOffset.UTC);
                assertThat(start.getDayOfMonth()).isEqualTo(day);
                assertThat(LocalDate.ofInstant(period.end(), ZoneOffset.UTC)).isEqualTo(start.plusMonths(1));
                assertThat(BillingPeriod.containing(period.end(), day).start()).isEqualTo(period.end());
            }
        }
    }

    @Test
    void aNewCustomersDayIsTheDayItIsOpenedAtMost28() {
        assertThat(BillingPeriod.defaultDay(at("2026-05-01T00:00:00Z"))).isEqualTo(1);
        assertThat(BillingPeriod.defaultDay(at("2026-05-17T23:59:00Z"))).isEqualTo(17);
        assertThat(BillingPeriod.defaultDay(at("2026-05-28T10:00:00Z"))).isEqualTo(28);
        assertThat(BillingPeriod.defaultDay(at("2026-05-31T10:00:00Z"))).isEqualTo(28);
        assertThat(BillingPeriod.defaultDay(at("2024-02-29T10:00:00Z"))).isEqualTo(28);
    }

    @Test
    void onlyDays1To28AreBillingDays() {
        for (Integer bad : new Integer[] {null, 0, -1, 29, 31}) {
            assertThatThrownBy(() -> {
                Validation validation = new Validation();
                BillingPeriod.checkDay(bad, validation);
                validation.throwIfInvalid();
            }).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.violations()).extracting("field").containsExactly("billingDay"));
        }
        Validation validation = new Validation();
        BillingPeriod.checkDay(1, validation);
        BillingPeriod.checkDay(28, validation);
        validation.throwIfInvalid();
    }
}
