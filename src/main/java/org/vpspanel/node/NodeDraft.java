package org.vpspanel.node;

/**
 * A node as an admin describes it: where its agent listens, what hardware it has (memory and disk in
 * bytes) and how far each may be overcommitted (1.0 = not at all).
 */
public record NodeDraft(String name, String address, int cores, long memory, long disk, double cpuOvercommit,
                        double memoryOvercommit, double diskOvercommit) {

    public NodeDraft withAddress(String newAddress) {
        return new NodeDraft(name, newAddress, cores, memory, disk, cpuOvercommit, memoryOvercommit, diskOvercommit);
    }
}
