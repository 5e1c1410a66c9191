package org.vpspanel.agent.cgroup;

/**
 * Counters of one partition's cgroup; -1 where the host does not account it. The last three count the
 * times the kernel held the partition back: processes killed for lack of memory, forks refused at the
 * process limit, and time the CPU limit kept it waiting.
 */
public record CgroupUsage(long cpuNanos, long memoryBytes, long swapBytes, long processes,
                          long diskReadBytes, long diskWriteBytes, long diskReadOps, long diskWriteOps,
                          long oomKills, long processLimitHits, long cpuThrottledNanos) {

    /** A partition that does not run: nothing used, nothing counted. */
    public static final CgroupUsage NONE = new CgroupUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
