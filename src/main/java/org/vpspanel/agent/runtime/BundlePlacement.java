package org.vpspanel.agent.runtime;

/** Where a partition's bundle meets the host: its root filesystem, the host uids its root maps to, its cgroup. */
public record BundlePlacement(String rootfs, long uidBase, long uidCount, String cgroupsPath) {
}
