package org.vpspanel.node;

import java.time.Instant;
import java.util.Map;

/**
 * A node as listed: its hardware, overcommit, whether an admin took it out of placement ({@code maintenance}),
 * and how its host agent is doing ({@code status}, when it was last heard from, its last error and what it
 * says of itself); for a remote node the pinned fingerprint of its agent's certificate (null for a node
 * reached by its Unix socket).
 */
public record NodeSummary(Long id, String name, String address, int cores, long memory, long disk,
                          double cpuOvercommit, double memoryOvercommit, double diskOvercommit,
                          boolean maintenance, NodeStatus status, Instant lastSeenAt, String lastError,
                          Map<String, Object> agentInfo, String agentFingerprint) {

    /** Whether partitions on this node can be acted on now. */
    public boolean agentConnected() {
        return status.answering();
    }

    /** vCPUs, memory and disk that may be sold on this node, overcommit included. */
    public NodeCapacity capacity() {
        return new NodeCapacity(id, name, (long) Math.floor(cores * cpuOvercommit),
                (long) Math.floor(memory * memoryOvercommit), (long) Math.floor(disk * diskOvercommit), maintenance);
    }
}
