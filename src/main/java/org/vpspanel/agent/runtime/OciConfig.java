package org.vpspanel.agent.runtime;

import org.vpspanel.agent.spec.PartitionSpec;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the OCI runtime config (config.json) of a partition: pure, no host access. Limits that cgroups
 * enforce are not here: {@link org.vpspanel.agent.cgroup.Cgroups} writes them, so that the initial and
 * the live values come from one place; config.json carries what runc sets up once per start.
 */
public final class OciConfig {

    /**
     * The default capabilities of container engines minus CAP_MKNOD and CAP_NET_RAW (host devices, raw
     * sockets), plus CAP_SYS_BOOT: in a PID namespace reboot() only ends the partition's own init, which is
     * how its init finishes a shutdown.
     */
    static final List<String> CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT",
            "CAP_KILL", "CAP_AUDIT_WRITE", "CAP_SYS_BOOT");
    static final List<String> MASKED_PATHS = List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware", "/sys/devices/virtual/powercap");
    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");
    /** Syscalls that act on the whole host, refused with EPERM whatever the capabilities. */
    static final List<String> DENIED_SYSCALLS = List.of("acct", "add_key", "bpf", "clock_adjtime", "clock_settime",
            "create_module", "delete_module", "finit_module", "init_module", "ioperm", "iopl", "kexec_file_load",
            "kexec_load", "keyctl", "lookup_dcookie", "move_pages", "nfsservctl", "open_by_handle_at",
            "perf_event_open", "query_module", "quotactl", "request_key", "settimeofday", "stime", "swapoff",
            "swapon", "syslog", "sysfs", "uselib", "userfaultfd", "ustat", "vm86", "vm86old");
    private static final long PAGE_SIZE = 4096;
    /** The size of one System V message queue (msgmnb): the kernel's own default, set so that it stays so. */
    static final long MESSAGE_QUEUE_BYTES = 16_384;
    /** The most System V message queues an IPC namespace may have (the kernel's IPCMNI). */
    private static final long MAX_MESSAGE_QUEUES = 32_768;

    private OciConfig() {
    }

    public static Map<String, Object> render(PartitionSpec spec, BundlePlacement placement, List<String> init) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ociVersion", "1.0.2");
        config.put("process", process(spec.resources(), init));
        config.put("root", Map.of("path", placement.rootfs(), "readonly", false));
        config.put("hostname", spec.hostname());
        config.put("mounts", mounts(spec.resources()));
        config.put("linux", linux(spec, placement));
        return config;
    }

    /**
     * The process of {@code runc exec}: inherits the environment and limits of the partition's init.
     * No RLIMIT_NPROC: the partition's pids cgroup is its process limit (changed live, its refusals counted in
     * pids.events); an rlimit at the same value refused forks before the cgroup did, unseen by its counter,
     * and kept the start's value after a live change. Raising it above the agent's own limit is refused
     * (no CAP_SYS_RESOURCE), so the partition keeps the host's.
     */
    private static Map<String, Object> process(Resources r, List<String> args) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("terminal", false);
        process.put("user", Map.of("uid", 0, "gid", 0));
        process.put("args", args);
        process.put("env", List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "TERM=xterm"));
        process.put("cwd", "/");
        process.put("capabilities", Map.of("bounding", CAPABILITIES, "effective", CAPABILITIES,
                "permitted", CAPABILITIES, "inheritable", List.of()));
        process.put("rlimits", List.of(
                rlimit("RLIMIT_NOFILE", r.get(ResourceField.OPEN_FILES)),
                rlimit("RLIMIT_MEMLOCK", r.get(ResourceField.LOCKED_MEMORY)),
                rlimit("RLIMIT_SIGPENDING", r.get(ResourceField.PENDING_SIGNALS)),
                rlimit("RLIMIT_MSGQUEUE", r.get(ResourceField.MESSAGE_QUEUES))));
        process.put("noNewPrivileges", false);
        return process;
    }

    private static Map<String, Object> rlimit(String type, long value) {
        return Map.of("type", type, "hard", value, "soft", value);
    }

    private static List<Map<String, Object>> mounts(Resources r) {
        List<Map<String, Object>> mounts = new ArrayList<>();
        mounts.add(mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
        mounts.add(mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
        mounts.add(mount("/dev/pts", "devpts", "devpts", List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666",
                "mode=0620", "gid=5", "max=" + r.get(ResourceField.PTYS))));
        mounts.add(mount("/dev/shm", "shm", "tmpfs", List.of("nosuid", "noexec", "nodev", "mode=1777",
                "size=" + Math.max(PAGE_SIZE, r.get(ResourceField.SHARED_MEMORY)))));
        mounts.add(mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
        mounts.add(mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")));
        return mounts;
    }

    private static Map<String, Object> mount(String destination, String source, String type, List<String> options) {
        return Map.of("destination", destination, "type", type, "source", source, "options", options);
    }

    private static Map<String, Object> linux(PartitionSpec spec, BundlePlacement placement) {
        Map<String, Object> linux = new LinkedHashMap<>();
        List<Map<String, Object>> idMap = List.of(Map.of("containerID", 0, "hostID", placement.uidBase(), "size", placement.uidCount()));
        linux.put("uidMappings", idMap);
        linux.put("gidMappings", idMap);
        linux.put("sysctl", sysctls(spec.resources()));
        linux.put("resources", Map.of("devices", List.of(Map.of("allow", false, "access", "rwm"))));
        linux.put("cgroupsPath", placement.cgroupsPath());
        linux.put("namespaces", List.of(Map.of("type", "pid"), Map.of("type", "ipc"), Map.of("type", "uts"),
                Map.of("type", "mount"), Map.of("type", "user"), Map.of("type", "network")));
        linux.put("maskedPaths", MASKED_PATHS);
        linux.put("readonlyPaths", READONLY_PATHS);
        linux.put("seccomp", Map.of("defaultAction", "SCMP_ACT_ALLOW", "architectures", List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"),
                "syscalls", List.of(Map.of("names", DENIED_SYSCALLS, "action", "SCMP_ACT_ERRNO", "errnoRet", 1))));
        return linux;
    }

    /**
     * Limits of the partition's own IPC namespace. Network sysctls are set by the agent from the host
     * (see NamespaceSysctls), where they can also change while the partition runs. messageQueues bounds
     * System V message queues as RLIMIT_MSGQUEUE bounds POSIX ones: as many queues (msgmni) of msgmnb bytes
     * as fit into it.
     */
    static Map<String, String> sysctls(Resources r) {
        Map<String, String> sysctl = new LinkedHashMap<>();
        long sharedMemory = r.get(ResourceField.SHARED_MEMORY);
        sysctl.put("kernel.shmmax", Long.toString(sharedMemory));
        sysctl.put("kernel.shmall", Long.toString(sharedMemory / PAGE_SIZE));
        sysctl.put("kernel.msgmnb", Long.toString(MESSAGE_QUEUE_BYTES));
        sysctl.put("kernel.msgmni", Long.toString(Math.min(MAX_MESSAGE_QUEUES, r.get(ResourceField.MESSAGE_QUEUES) / MESSAGE_QUEUE_BYTES)));
        return sysctl;
    }
}
