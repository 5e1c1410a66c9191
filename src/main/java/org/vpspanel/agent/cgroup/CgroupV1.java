package org.vpspanel.agent.cgroup;

import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** cgroup v1 (and the v1 half of a hybrid host): one hierarchy per controller. */
record CgroupV1(Path root) implements Cgroups {

    static final long CPU_PERIOD_US = 100_000;
    private static final List<String> OPTIONAL_FILES = List.of("memory/memory.memsw.limit_in_bytes",
            "blkio/blkio.weight", "blkio/blkio.bfq.weight", "hugetlb/hugetlb.2MB.limit_in_bytes");
    private static final List<String> LIMITED_CONTROLLERS = List.of("cpuset", "cpu", "memory", "pids", "blkio", "hugetlb");

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public HostFacts facts(String name, String diskDevice) {
        Set<String> available = new HashSet<>();
        for (String file : OPTIONAL_FILES) {
            String controller = file.substring(0, file.indexOf('/'));
            if (Files.exists(root.resolve(controller).resolve(name).resolve(file.substring(controller.length() + 1)))) {
                available.add(file);
            }
        }
        return new HostFacts(Runtime.getRuntime().availableProcessors(), diskDevice, available);
    }

    @Override
    public List<CgroupWrite> render(Resources r, HostFacts facts) {
        List<CgroupWrite> writes = new ArrayList<>();
        writes.add(new CgroupWrite("cpuset", "cpuset.cpus", CgroupFiles.firstCpus(r.get(ResourceField.CPUS), facts.cpuCount())));
        long cpuLimit = r.get(ResourceField.CPU_LIMIT);
        writes.add(new CgroupWrite("cpu", "cpu.cfs_period_us", Long.toString(CPU_PERIOD_US)));
        writes.add(new CgroupWrite("cpu", "cpu.cfs_quota_us", cpuLimit == 0 ? "-1" : Long.toString(cpuLimit * CPU_PERIOD_US / 100)));
        // cpu.shares: 1024 is the kernel's default share, our weight 100 is the catalogue's default
        writes.add(new CgroupWrite("cpu", "cpu.shares", Long.toString(Math.max(2, r.get(ResourceField.CPU_WEIGHT) * 1024 / 100))));
        long memory = r.get(ResourceField.MEMORY);
        writes.add(new CgroupWrite("memory", "memory.limit_in_bytes", Long.toString(memory)));
        if (facts.has("memory", "memory.memsw.limit_in_bytes")) {
            writes.add(new CgroupWrite("memory", "memory.memsw.limit_in_bytes", Long.toString(memory + r.get(ResourceField.SWAP))));
        }
        writes.add(new CgroupWrite("memory", "memory.soft_limit_in_bytes", Long.toString(r.get(ResourceField.MEMORY_GUARANTEE))));
        writes.add(new CgroupWrite("pids", "pids.max", Long.toString(r.get(ResourceField.PROCESSES))));
        if (facts.diskDevice() != null) {
            String device = facts.diskDevice() + " ";
            writes.add(new CgroupWrite("blkio", "blkio.throttle.read_bps_device", device + r.get(ResourceField.IO_READ_BPS)));
            writes.add(new CgroupWrite("blkio", "blkio.throttle.write_bps_device", device + r.get(ResourceField.IO_WRITE_BPS)));
            writes.add(new CgroupWrite("blkio", "blkio.throttle.read_iops_device", device + r.get(ResourceField.IO_READ_IOPS)));
            writes.add(new CgroupWrite("blkio", "blkio.throttle.write_iops_device", device + r.get(ResourceField.IO_WRITE_IOPS)));
        }
        for (String weightFile : List.of("blkio.weight", "blkio.bfq.weight")) {
            if (facts.has("blkio", weightFile)) {
                writes.add(new CgroupWrite("blkio", weightFile, Long.toString(r.get(ResourceField.IO_WEIGHT))));
                break;
            }
        }
        if (facts.has("hugetlb", "hugetlb.2MB.limit_in_bytes")) {
            writes.add(new CgroupWrite("hugetlb", "hugetlb.2MB.limit_in_bytes", Long.toString(r.get(ResourceField.HUGEPAGES))));
        }
        return writes;
    }

    @Override
    public void apply(String name, Resources resources, String diskDevice) {
        for (String controller : LIMITED_CONTROLLERS) {
            Path dir = root.resolve(controller);
            if (Files.isDirectory(dir)) {
                createDirectory(dir.resolve(name));
            }
        }
        HostFacts facts = facts(name, diskDevice);
        Path cpuset = root.resolve("cpuset").resolve(name);
        if (CgroupFiles.read(cpuset.resolve("cpuset.mems")).isEmpty()) {
            CgroupFiles.write(cpuset.resolve("cpuset.mems"), CgroupFiles.read(root.resolve("cpuset/cpuset.mems")));
        }
        List<CgroupWrite> writes = new ArrayList<>(render(resources, facts));
        raiseSwapCeilingFirstWhenGrowing(name, writes);
        for (CgroupWrite write : writes) {
            CgroupFiles.write(root.resolve(write.controller()).resolve(name).resolve(write.file()), write.value());
        }
    }

    /** memory.limit_in_bytes may never exceed memory.memsw.limit_in_bytes, so order the two by direction. */
    private void raiseSwapCeilingFirstWhenGrowing(String name, List<CgroupWrite> writes) {
        CgroupWrite swapCeiling = writes.stream().filter(w -> w.file().equals("memory.memsw.limit_in_bytes")).findFirst().orElse(null);
        if (swapCeiling == null) {
            return;
        }
        long current = CgroupFiles.readNumber(root.resolve("memory").resolve(name).resolve("memory.memsw.limit_in_bytes"));
        CgroupWrite limit = writes.stream().filter(w -> w.file().equals("memory.limit_in_bytes")).findFirst().orElseThrow();
        if (Long.parseLong(limit.value()) > current) {
            writes.remove(swapCeiling);
            writes.add(writes.indexOf(limit), swapCeiling);
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CgroupUsage usage(String name, String diskDevice) {
        long memory = CgroupFiles.readNumber(root.resolve("memory").resolve(name).resolve("memory.usage_in_bytes"));
        long memoryAndSwap = CgroupFiles.readNumber(root.resolve("memory").resolve(name).resolve("memory.memsw.usage_in_bytes"));
        Path blkio = root.resolve("blkio").resolve(name);
        return new CgroupUsage(
                CgroupFiles.readNumber(root.resolve("cpuacct").resolve(name).resolve("cpuacct.usage")),
                memory, memoryAndSwap < 0 ? -1 : Math.max(0, memoryAndSwap - memory),
                CgroupFiles.readNumber(root.resolve("pids").resolve(name).resolve("pids.current")),
                blkioCounter(blkio.resolve("blkio.throttle.io_service_bytes"), diskDevice, "Read"),
                blkioCounter(blkio.resolve("blkio.throttle.io_service_bytes"), diskDevice, "Write"),
                blkioCounter(blkio.resolve("blkio.throttle.io_serviced"), diskDevice, "Read"),
                blkioCounter(blkio.resolve("blkio.throttle.io_serviced"), diskDevice, "Write"),
                CgroupFiles.readKeyed(root.resolve("memory").resolve(name).resolve("memory.oom_control"), "oom_kill"),
                CgroupFiles.readKeyed(root.resolve("pids").resolve(name).resolve("pids.events"), "max"),
                CgroupFiles.readKeyed(root.resolve("cpu").resolve(name).resolve("cpu.stat"), "throttled_time"));
    }

    private static long blkioCounter(Path file, String device, String operation) {
        if (device == null || !Files.exists(file)) {
            return device == null ? 0 : -1;
        }
        for (String line : CgroupFiles.read(file).split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && parts[0].equals(device) && parts[1].equals(operation)) {
                return Long.parseLong(parts[2]);
            }
        }
        return 0;
    }

    @Override
    public boolean exists(String name) {
        return hierarchies().anyMatch(dir -> Files.isDirectory(dir.resolve(name)));
    }

    @Override
    public void remove(String name) {
        hierarchies().forEach(dir -> CgroupFiles.removeDirectory(dir.resolve(name)));
    }

    /** Every mounted hierarchy, including named and unified ones that runc also populates on hybrid hosts. */
    private Stream<Path> hierarchies() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(dir -> !Files.isSymbolicLink(dir)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
