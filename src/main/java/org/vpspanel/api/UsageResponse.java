package org.vpspanel.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.vpspanel.partition.TrafficUsage;
import org.vpspanel.partition.UsagePoint;
import org.vpspanel.partition.UsageWindow;
import org.vpspanel.resources.Units;

/** A partition's usage over a window, and its traffic this billing month against its quota. */
record UsageResponse(String window, List<UsagePoint> points, Traffic traffic) {

    /**
     * Bytes received plus sent since {@code periodStart}; the quota resets at {@code periodEnd} (the
     * customer's next billing day, 00:00 UTC).
     */
    record Traffic(long usedBytes, @Schema(description = "0 when unlimited") long quotaBytes, boolean unlimited,
                   Instant periodStart, Instant periodEnd,
                   @Schema(description = "What the quota did this period", allowableValues = {"throttled", "suspended"},
                           nullable = true) String overQuota,
                   boolean throttled,
                   @Schema(description = "The rate both ways while throttled", example = "1Mbit", nullable = true)
                   String throttleRate) {

        static Traffic of(TrafficUsage usage) {
            return new Traffic(usage.usedBytes(), usage.quotaBytes(), usage.unlimited(), usage.periodStart(),
                    usage.periodEnd(), usage.overQuota() == null ? null : usage.overQuota().name().toLowerCase(Locale.ROOT),
                    usage.throttleRate() != null, usage.throttleRate() == null ? null : Units.formatRate(usage.throttleRate()));
        }
    }

    static UsageResponse of(UsageWindow window, List<UsagePoint> points, TrafficUsage traffic) {
        return new UsageResponse(window.name().toLowerCase(Locale.ROOT), points, Traffic.of(traffic));
    }
}
