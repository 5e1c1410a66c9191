package org.vpspanel.agent.cgroup;

/** Counters of one partition's cgroup; -1 where the host does not account it. */
public record CgroupUsage(long cpuNanos, long memoryBytes, long swapBytes, long processes,
                          long diskReadBytes, long diskWriteBytes, long diskReadOps, long diskWriteOps) {
}
