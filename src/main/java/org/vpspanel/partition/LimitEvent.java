package org.vpspanel.partition;

import java.time.Instant;
import org.vpspanel.resources.Units;

/**
 * A time the kernel held the partition back, between two usage samples: {@code amount} processes killed
 * for lack of memory, forks refused at the process limit, nanoseconds the CPU limit kept it waiting, or
 * (disk full) the bytes of its full disk, (traffic throttled) the rate in bit/s it was throttled to, or (traffic
 * suspended) its monthly traffic quota in bytes.
 */
public record LimitEvent(Instant at, Kind kind, long amount) {

    public enum Kind {
        OUT_OF_MEMORY, PROCESS_LIMIT, CPU_THROTTLED, DISK_FULL, TRAFFIC_THROTTLED, TRAFFIC_SUSPENDED
    }

    /** What happened, for people. */
    public String describe() {
        return switch (kind) {
            case OUT_OF_MEMORY -> amount + (amount == 1 ? " process was" : " processes were")
                    + " killed: the partition was out of memory";
            case PROCESS_LIMIT -> amount + (amount == 1 ? " new process was" : " new processes were")
                    + " refused: the process limit was reached";
            case CPU_THROTTLED -> String.format(java.util.Locale.ROOT, "CPU held back for %.1f s by the CPU limit",
                    amount / 1e9);
            case DISK_FULL -> "The disk was full";
            case TRAFFIC_THROTTLED -> "Traffic throttled to " + Units.formatRate(amount)
                    + ": the monthly traffic quota was used up";
            case TRAFFIC_SUSPENDED -> "Suspended: the monthly traffic quota of " + Units.formatSize(amount)
                    + " was used up";
        };
    }
}
