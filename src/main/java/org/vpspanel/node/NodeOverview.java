package org.vpspanel.node;

/**
 * A node on the nodes page: its summary, what its partitions hold, and its IPv4 addresses handed out and
 * left in its pools. Free figures are capacity (overcommit included) minus what is held; negative when an
 * admin lowered the capacity below it.
 */
public record NodeOverview(NodeSummary node, NodeHeld held, long addressesUsed, long addressesFree) {

    public long cpusFree() {
        return node.capacity().cpus() - held.cpus();
    }

    public long memoryFree() {
        return node.capacity().memory() - held.memory();
    }

    public long diskFree() {
        return node.capacity().disk() - held.disk();
    }
}
