package org.vpspanel.agent.runtime;

import org.junit.jupiter.api.Test;
import org.vpspanel.agent.spec.PartitionSpec;
import org.vpspanel.agent.spec.Template;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OciConfigTest {

    private final PartitionSpec spec = new PartitionSpec("p1", "web1", Template.BUSYBOX, null, null, false,
            Resources.defaults().with(ResourceField.OPEN_FILES, 2048).with(ResourceField.LOCKED_MEMORY, 8L << 20)
                    .with(ResourceField.PTYS, 16).with(ResourceField.SHARED_MEMORY, 16L << 20)
                    .with(ResourceField.PENDING_SIGNALS, 256).with(ResourceField.MESSAGE_QUEUES, 800L << 10)
                    .with(ResourceField.PROCESSES, 64));
    private final Map<String, Object> config = OciConfig.render(spec,
            new BundlePlacement("/state/p1/rootfs", 1_966_080_000L, 65_536, "/vpt-p1"), List.of("/sbin/init"));

    @SuppressWarnings("unchecked")
    private <T> T at(String... path) {
        Object node = config;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    @Test
    void isolatesWithEveryNamespaceAndMapsRootToTheHostRange() {
        List<Map<String, Object>> namespaces = at("linux", "namespaces");
        assertThat(namespaces).extracting(ns -> ns.get("type")).containsExactlyInAnyOrder("pid", "ipc", "uts", "mount", "user", "network");
        assertThat(namespaces).allSatisfy(ns -> assertThat(ns).doesNotContainKey("path"));
        assertThat(this.<List<Map<String, Object>>>at("linux", "uidMappings"))
                .containsExactly(Map.of("containerID", 0, "hostID", 1_966_080_000L, "size", 65_536L));
        assertThat(this.<String>at("linux", "cgroupsPath")).isEqualTo("/vpt-p1");
        assertThat(this.<String>at("hostname")).isEqualTo("web1");
        assertThat(this.<String>at("root", "path")).isEqualTo("/state/p1/rootfs");
    }

    @Test
    void keepsCapabilitiesThatReachTheHostAwayAndDeniesHostWideSyscalls() {
        List<String> bounding = at("process", "capabilities", "bounding");
        assertThat(bounding).contains("CAP_CHOWN", "CAP_KILL", "CAP_SETUID")
                .doesNotContain("CAP_SYS_ADMIN", "CAP_SYS_MODULE", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_SYS_RESOURCE",
                        "CAP_MKNOD", "CAP_SYS_TIME", "CAP_SYS_PTRACE");
        List<Map<String, Object>> rules = at("linux", "seccomp", "syscalls");
        assertThat((List<String>) rules.getFirst().get("names")).contains("init_module", "finit_module", "kexec_load", "bpf");
        assertThat(this.<List<String>>at("linux", "maskedPaths")).contains("/proc/kcore", "/sys/firmware");
        assertThat(this.<List<String>>at("linux", "readonlyPaths")).contains("/proc/sys");
        assertThat(this.<List<Map<String, Object>>>at("linux", "resources", "devices"))
                .containsExactly(Map.of("allow", false, "access", "rwm"));
    }

    @Test
    void carriesProcessLimitsAsRlimitsAndIpcLimitsAsSysctls() {
        List<Map<String, Object>> rlimits = at("process", "rlimits");
        assertThat(rlimits).contains(
                Map.of("type", "RLIMIT_NOFILE", "hard", 2048L, "soft", 2048L),
                Map.of("type", "RLIMIT_MEMLOCK", "hard", 8L << 20, "soft", 8L << 20),
                Map.of("type", "RLIMIT_SIGPENDING", "hard", 256L, "soft", 256L),
                Map.of("type", "RLIMIT_MSGQUEUE", "hard", 800L << 10, "soft", 800L << 10));
        assertThat(rlimits).noneMatch(rlimit -> rlimit.get("type").equals("RLIMIT_NPROC")); // pids.max limits processes
        assertThat(this.<Map<String, String>>at("linux", "sysctl"))
                .containsEntry("kernel.shmmax", Long.toString(16L << 20))
                .containsEntry("kernel.shmall", Long.toString((16L << 20) / 4096))
                .containsEntry("kernel.msgmnb", "16384")
                .containsEntry("kernel.msgmni", "50"); // 800 KiB in queues of 16 KiB
        List<Map<String, Object>> mounts = at("mounts");
        assertThat(mounts).filteredOn(m -> m.get("destination").equals("/dev/pts"))
                .singleElement().satisfies(m -> assertThat((List<String>) m.get("options")).contains("max=16", "newinstance"));
    }

    @Test
    void messageQueueBytesBecomeAsManySystemVQueuesAsTheKernelAllows() {
        assertThat(OciConfig.sysctls(Resources.defaults().with(ResourceField.MESSAGE_QUEUES, 0)))
                .containsEntry("kernel.msgmni", "0");
        assertThat(OciConfig.sysctls(Resources.defaults().with(ResourceField.MESSAGE_QUEUES, ResourceField.MESSAGE_QUEUES.max())))
                .containsEntry("kernel.msgmni", "32768"); // IPCMNI: the kernel refuses more
    }
}
