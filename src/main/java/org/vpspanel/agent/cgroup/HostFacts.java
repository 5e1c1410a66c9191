package org.vpspanel.agent.cgroup;

import java.util.Set;

/**
 * What the host offers that limit rendering depends on.
 *
 * @param cpuCount       CPUs online; a partition's cores are the first {@code cpus} of them
 * @param diskDevice     "major:minor" of the partition's disk, or null before it has one
 * @param availableFiles control files present, as "controller/file", for files that only some kernels
 *                       have (swap accounting, BFQ weights, hugetlb)
 */
public record HostFacts(int cpuCount, String diskDevice, Set<String> availableFiles) {

    public boolean has(String controller, String file) {
        return availableFiles.contains(controller + "/" + file);
    }
}
