package org.vpspanel.partition;

/** Where a console opens: the partition's node and its id there. */
public record ConsoleTarget(long partitionId, long nodeId, String agentPartitionId, String hostname) {
}
