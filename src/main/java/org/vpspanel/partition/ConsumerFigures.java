package org.vpspanel.partition;

/**
 * What one partition consumed: CPU as the average percent of one core over the last hour, its memory in the
 * latest sample (0 unless it runs), and its network traffic in and out over the last 30 days in bytes.
 */
public record ConsumerFigures(long partitionId, String hostname, long nodeId, String nodeName, double cpuPercent,
                              long memoryBytes, long trafficBytes) {
}
