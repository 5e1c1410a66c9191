package org.vpspanel.partition;

import java.time.Instant;

/**
 * A partition's usage over one interval of a graph: CPU in percent of one core, memory and disk in bytes,
 * disk and network traffic in bytes per second, processes as counted at the interval's end.
 */
public record UsagePoint(Instant at, double cpuPercent, long memoryBytes, long swapBytes, long processes,
                         long diskUsedBytes, long diskTotalBytes, long inodesUsed, long inodesTotal,
                         double diskReadBytesPerSecond, double diskWriteBytesPerSecond,
                         double netInBytesPerSecond, double netOutBytesPerSecond) {
}
