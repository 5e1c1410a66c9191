package org.vpspanel.partition;

import java.time.Instant;

/**
 * A partition's traffic (received plus sent) in its customer's current billing period, against its plan's
 * monthly quota ({@code quotaBytes} 0: unlimited). {@code overQuota} is null while the quota has done nothing;
 * {@code throttleRate} (bit/s) is set while throttled.
 */
public record TrafficUsage(long usedBytes, long quotaBytes, Instant periodStart, Instant periodEnd,
                           OverQuota overQuota, Long throttleRate) {

    public boolean unlimited() {
        return quotaBytes == 0;
    }

    /** The share of the quota used, 0 to 1 (traffic over the quota still counts, but shows as 1). */
    public double fractionUsed() {
        return unlimited() ? 0 : Math.min(1.0, (double) usedBytes / quotaBytes);
    }
}
