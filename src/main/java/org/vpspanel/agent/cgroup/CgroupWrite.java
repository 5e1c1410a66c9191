package org.vpspanel.agent.cgroup;

/** One value written to one cgroup control file, e.g. memory / memory.limit_in_bytes = 67108864. */
public record CgroupWrite(String controller, String file, String value) {
}
