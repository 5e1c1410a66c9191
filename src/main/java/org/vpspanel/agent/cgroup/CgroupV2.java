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
import java.util.stream.Collectors;

/** cgroup v2: one unified hierarchy; a partition's cgroup is a direct child of the root. */
record CgroupV2(Path root) implements Cgroups {

    private static final List<String> CONTROLLERS = List.of("cpuset", "cpu", "io", "memory", "pids", "hugetlb");
    private static final List<String> OPTIONAL_FILES = List.of("memory.swap.max", "io.weight", "io.bfq.weight", "hugetlb.2MB.max");

    @Override
    public String version() {
        return "v2";
    }

    @Override
    public HostFacts facts(String name, String diskDevice) {
        Set<String> available = new HashSet<>();
        for (String file : OPTIONAL_FILES) {
            if (Files.exists(root.resolve(name).resolve(file))) {
                available.add("unified/" + file);
            }
        }
        return new HostFacts(Runtime.getRuntime().availableProcessors(), diskDevice, available);
    }

    @Override
    public List<CgroupWrite> render(Resources r, HostFacts facts) {
        List<CgroupWrite> writes = new ArrayList<>();
        writes.add(write("cpuset.cpus", CgroupFiles.firstCpus(r.get(ResourceField.CPUS), facts.cpuCount())));
        long cpuLimit = r.get(ResourceField.CPU_LIMIT);
        long period = CgroupV1.CPU_PERIOD_US;
        writes.add(write("cpu.max", (cpuLimit == 0 ? "max" : Long.toString(cpuLimit * period / 100)) + " " + period));
        writes.add(write("cpu.weight", Long.toString(r.get(ResourceField.CPU_WEIGHT))));
        writes.add(write("memory.max", Long.toString(r.get(ResourceField.MEMORY))));
        if (facts.has("unified", "memory.swap.max")) {
            writes.add(write("memory.swap.max", Long.toString(r.get(ResourceField.SWAP))));
        }
        writes.add(write("memory.low", Long.toString(r.get(ResourceField.MEMORY_GUARANTEE))));
        writes.add(write("pids.max", Long.toString(r.get(ResourceField.PROCESSES))));
        if (facts.diskDevice() != null) {
            writes.add(write("io.max", facts.diskDevice()
                    + " rbps=" + maxOrValue(r.get(ResourceField.IO_READ_BPS))
                    + " wbps=" + maxOrValue(r.get(ResourceField.IO_WRITE_BPS))
                    + " riops=" + maxOrValue(r.get(ResourceField.IO_READ_IOPS))
                    + " wiops=" + maxOrValue(r.get(ResourceField.IO_WRITE_IOPS))));
        }
        if (facts.has("unified", "io.bfq.weight")) {
            writes.add(write("io.bfq.weight", Long.toString(r.get(ResourceField.IO_WEIGHT))));
        } else if (facts.has("unified", "io.weight")) {
            writes.add(write("io.weight", "default " + r.get(ResourceField.IO_WEIGHT)));
        }
        if (facts.has("unified", "hugetlb.2MB.max")) {
            writes.add(write("hugetlb.2MB.max", Long.toString(r.get(ResourceField.HUGEPAGES))));
        }
        return writes;
    }

    private static CgroupWrite write(String file, String value) {
        return new CgroupWrite("unified", file, value);
    }

    private static String maxOrValue(long value) {
        return value == 0 ? "max" : Long.toString(value);
    }

    @Override
    public void apply(String name, Resources resources, String diskDevice) {
        enableControllersForChildren();
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cgroup " + dir + ": " + e.getMessage(), e);
        }
        // a required file that is missing fails the write: a limit is never skipped silently
        for (CgroupWrite write : render(resources, facts(name, diskDevice))) {
            CgroupFiles.write(dir.resolve(write.file()), write.value());
        }
    }

    /**
     * A child has only the controllers its parent delegates; as runc's fs2 manager does, delegate every
     * controller the partitions need that the root offers and does not delegate yet.
     */
    private void enableControllersForChildren() {
        List<String> offered = List.of(CgroupFiles.read(root.resolve("cgroup.controllers")).split("\\s+"));
        List<String> delegated = List.of(CgroupFiles.read(root.resolve("cgroup.subtree_control")).split("\\s+"));
        String missing = CONTROLLERS.stream().filter(offered::contains).filter(c -> !delegated.contains(c))
                .map(c -> "+" + c).collect(Collectors.joining(" "));
        if (!missing.isEmpty()) {
            CgroupFiles.write(root.resolve("cgroup.subtree_control"), missing);
        }
    }

    @Override
    public CgroupUsage usage(String name, String diskDevice) {
        Path dir = root.resolve(name);
        long cpuMicros = CgroupFiles.readKeyed(dir.resolve("cpu.stat"), "usage_usec");
        return new CgroupUsage(cpuMicros < 0 ? -1 : cpuMicros * 1000,
                CgroupFiles.readNumber(dir.resolve("memory.current")),
                CgroupFiles.readNumber(dir.resolve("memory.swap.current")),
                CgroupFiles.readNumber(dir.resolve("pids.current")),
                ioStat(dir, diskDevice, "rbytes"), ioStat(dir, diskDevice, "wbytes"),
                ioStat(dir, diskDevice, "rios"), ioStat(dir, diskDevice, "wios"),
                CgroupFiles.readKeyed(dir.resolve("memory.events"), "oom_kill"),
                CgroupFiles.readKeyed(dir.resolve("pids.events"), "max"),
                throttledNanos(dir));
    }

    private static long throttledNanos(Path dir) {
        long micros = CgroupFiles.readKeyed(dir.resolve("cpu.stat"), "throttled_usec");
        return micros < 0 ? -1 : micros * 1000;
    }

    private static long ioStat(Path dir, String device, String key) {
        Path file = dir.resolve("io.stat");
        if (device == null || !Files.exists(file)) {
            return device == null ? 0 : -1;
        }
        for (String line : CgroupFiles.read(file).split("\n")) {
            if (line.startsWith(device + " ")) {
                for (String pair : line.split(" ")) {
                    if (pair.startsWith(key + "=")) {
                        return Long.parseLong(pair.substring(key.length() + 1));
                    }
                }
            }
        }
        return 0;
    }

    @Override
    public boolean exists(String name) {
        return Files.isDirectory(root.resolve(name));
    }

    @Override
    public void remove(String name) {
        CgroupFiles.removeDirectory(root.resolve(name));
    }
}
