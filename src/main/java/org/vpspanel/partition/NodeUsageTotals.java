package org.vpspanel.partition;

/** The sums of {@link ConsumerFigures} over the partitions on one node, and how many of them run. */
public record NodeUsageTotals(long nodeId, String nodeName, long running, double cpuPercent, long memoryBytes,
                              long trafficBytes) {
}
