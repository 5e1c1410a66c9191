package org.vpspanel.partition;

/** Narrows the partition list: hostname text, and a state (null: every state but destroyed). */
public record PartitionFilter(String hostname, PartitionState state) {

    public static PartitionFilter none() {
        return new PartitionFilter("", null);
    }
}
