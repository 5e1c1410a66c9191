package org.vpspanel.agent.partition;

/**
 * What the agent remembers about a partition besides its spec.
 *
 * @param ordinal   the partition's number on this node: picks its uid range, link names and MAC address
 * @param pending   the operation under way ("create", "destroy", "reinstall"), so that the next agent
 *                  start finishes or undoes it if the agent died midway; null when none
 */
public record PartitionRecord(int ordinal, String pending) {

    public PartitionRecord withPending(String operation) {
        return new PartitionRecord(ordinal, operation);
    }
}
