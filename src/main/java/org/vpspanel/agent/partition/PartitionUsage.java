package org.vpspanel.agent.partition;

/**
 * A partition's counters at one moment; -1 where the host does not account a counter. {@code oomKills},
 * {@code processLimitHits} and {@code cpuThrottledNanos} count since the partition started how often the
 * kernel held it back.
 */
public record PartitionUsage(String id, long cpuNanos, long memoryBytes, long swapBytes, long processes,
                             long diskBytesUsed, long diskBytesTotal, long inodesUsed, long inodesTotal,
                             long diskReadBytes, long diskWriteBytes, long diskReadOps, long diskWriteOps,
                             long netBytesIn, long netBytesOut, long netPacketsIn, long netPacketsOut,
                             long oomKills, long processLimitHits, long cpuThrottledNanos) {
}
