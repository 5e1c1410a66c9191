package org.vpspanel.node;

/**
 * What may be placed on a node in all, overcommit included: vCPUs, memory and disk in bytes; and whether an
 * admin took it out of placement.
 */
public record NodeCapacity(long nodeId, String nodeName, long cpus, long memory, long disk, boolean maintenance) {
}
