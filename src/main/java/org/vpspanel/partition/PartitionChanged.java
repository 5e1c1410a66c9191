package org.vpspanel.partition;

/** Something about a partition changed (a job moved on, its state on the host changed): views refresh. */
public record PartitionChanged(long partitionId) {
}
