package org.vpspanel.agent.cgroup;

import org.junit.jupiter.api.Test;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupRenderTest {

    private final Resources resources = Resources.defaults().with(ResourceField.CPUS, 2).with(ResourceField.CPU_LIMIT, 50)
            .with(ResourceField.CPU_WEIGHT, 200).with(ResourceField.MEMORY, 64L << 20).with(ResourceField.SWAP, 32L << 20)
            .with(ResourceField.MEMORY_GUARANTEE, 32L << 20).with(ResourceField.PROCESSES, 64)
            .with(ResourceField.IO_WRITE_BPS, 5L << 20).with(ResourceField.IO_READ_IOPS, 500);

    @Test
    void rendersV1ControlFiles() {
        HostFacts facts = new HostFacts(8, "7:3", Set.of("memory/memory.memsw.limit_in_bytes"));

        assertThat(new CgroupV1(Path.of("/sys/fs/cgroup")).render(resources, facts)).containsExactly(
                new CgroupWrite("cpuset", "cpuset.cpus", "0-1"),
                new CgroupWrite("cpu", "cpu.cfs_period_us", "100000"),
                new CgroupWrite("cpu", "cpu.cfs_quota_us", "50000"),
                new CgroupWrite("cpu", "cpu.shares", "2048"),
                new CgroupWrite("memory", "memory.limit_in_bytes", Long.toString(64L << 20)),
                new CgroupWrite("memory", "memory.memsw.limit_in_bytes", Long.toString(96L << 20)),
                new CgroupWrite("memory", "memory.soft_limit_in_bytes", Long.toString(32L << 20)),
                new CgroupWrite("pids", "pids.max", "64"),
                new CgroupWrite("blkio", "blkio.throttle.read_bps_device", "7:3 0"),
                new CgroupWrite("blkio", "blkio.throttle.write_bps_device", "7:3 " + (5L << 20)),
                new CgroupWrite("blkio", "blkio.throttle.read_iops_device", "7:3 500"),
                new CgroupWrite("blkio", "blkio.throttle.write_iops_device", "7:3 0"));
    }

    @Test
    void unlimitedCpuAndMissingOptionalFilesAreLeftOutOrLifted() {
        HostFacts facts = new HostFacts(1, null, Set.of());

        assertThat(new CgroupV1(Path.of("/sys/fs/cgroup")).render(resources.with(ResourceField.CPU_LIMIT, 0), facts))
                .contains(new CgroupWrite("cpu", "cpu.cfs_quota_us", "-1"), new CgroupWrite("cpuset", "cpuset.cpus", "0"))
                .noneMatch(w -> w.file().contains("memsw") || w.controller().equals("blkio"));
    }

    @Test
    void rendersV2ControlFiles() {
        HostFacts facts = new HostFacts(8, "7:3", Set.of("unified/memory.swap.max", "unified/io.weight"));

        assertThat(new CgroupV2(Path.of("/sys/fs/cgroup")).render(resources, facts)).containsExactly(
                new CgroupWrite("unified", "cpuset.cpus", "0-1"),
                new CgroupWrite("unified", "cpu.max", "50000 100000"),
                new CgroupWrite("unified", "cpu.weight", "200"),
                new CgroupWrite("unified", "memory.max", Long.toString(64L << 20)),
                new CgroupWrite("unified", "memory.swap.max", Long.toString(32L << 20)),
                new CgroupWrite("unified", "memory.low", Long.toString(32L << 20)),
                new CgroupWrite("unified", "pids.max", "64"),
                new CgroupWrite("unified", "io.max", "7:3 rbps=max wbps=" + (5L << 20) + " riops=500 wiops=max"),
                new CgroupWrite("unified", "io.weight", "default 100"));
    }
}
