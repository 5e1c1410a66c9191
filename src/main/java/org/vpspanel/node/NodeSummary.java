package org.vpspanel.node;

/**
 * A node as listed. {@code agentConnected} says whether the panel can reach the node's agent; nothing runs
 * on a node whose agent is not connected.
 */
public record NodeSummary(Long id, String name, String address, int cores, long memory, long disk,
                          double cpuOvercommit, double memoryOvercommit, double diskOvercommit,
                          boolean agentConnected) {

    /** vCPUs, memory and disk that may be sold on this node, overcommit included. */
    public NodeCapacity capacity() {
        return new NodeCapacity(id, name, (long) Math.floor(cores * cpuOvercommit),
                (long) Math.floor(memory * memoryOvercommit), (long) Math.floor(disk * diskOvercommit));
    }
}
