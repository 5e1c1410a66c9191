package org.vpspanel.partition;

/**
 * Narrows the partition list: hostname text, a state (null: every state but destroyed) and a node (null: any).
 */
public record PartitionFilter(String hostname, PartitionState state, Long nodeId) {

    public static PartitionFilter none() {
        return new PartitionFilter("", null, null);
    }
}
