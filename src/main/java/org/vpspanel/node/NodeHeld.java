package org.vpspanel.node;

/** What the partitions on a node hold (every state but destroyed): how many, their vCPUs, memory and disk in bytes. */
public record NodeHeld(long partitions, long cpus, long memory, long disk) {

    public static final NodeHeld NOTHING = new NodeHeld(0, 0, 0, 0);
}
