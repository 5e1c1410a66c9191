package org.vpspanel.agent.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vpspanel.agent.AgentEndpoint;
import org.vpspanel.agent.ConsoleClient;
import org.vpspanel.agent.ConsoleInput;
import org.vpspanel.agent.Json;
import org.vpspanel.agent.TerminalSize;
import org.vpspanel.agent.host.Commands;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busybox partition through vpsctl and the agent's socket, as an admin would drive it: create, start,
 * isolation, live changes, agent restart, half-done operations, destroy without leftovers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionLifecycleKernelTest {

    private static TestAgent agent;

    @BeforeAll
    static void startAgent() {
        agent = TestAgent.start();
    }

    @AfterAll
    static void stopAgent() throws Exception {
        TestAgent.closeLeavingNothing(agent);
    }

    @Test
    @Order(1)
    void createsAndStartsAPartitionWithVpsctl() throws Exception {
        TestAgent.Cli created = agent.vpsctl("create", "life", "--template", "busybox", "--hostname", "life1",
                "--memory", "64M", "--disk", "256M", "--disk-inodes", "20000", "--processes", "64");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("created life\n");

        TestAgent.Cli again = agent.vpsctl("create", "life", "--template", "busybox", "--hostname", "life1");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("vpsctl: partition 'life' already exists\n");

        assertThat(agent.vpsctl("start", "life").exitCode()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(agent.socket))).isEqualTo("rw-rw----");
        TestAgent.Cli list = agent.vpsctl("list");
        assertThat(list.out()).startsWith("ID    STATE    HOSTNAME  TEMPLATE  IPV4  MEMORY  CPU LIMIT  DISK\n")
                .contains("life  running  life1     busybox   -     64 MiB  100 %      256 MiB");
        TestAgent.Cli status = agent.vpsctl("--json", "status", "life");
        assertThat(Json.readObject(status.out())).containsEntry("state", "running");
    }

    @Test
    @Order(2)
    void execReturnsTheCommandsOutputAndExitCode() {
        TestAgent.Cli exec = agent.vpsctl("exec", "life", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(exec.exitCode()).isEqualTo(3);
        assertThat(exec.out()).isEqualTo("out\n");
        assertThat(exec.err()).isEqualTo("err\n");
    }

    @Test
    @Order(2)
    void consoleGivesALoginShellOnATerminalOfTheAskedSizeThatFollowsResizes() throws Exception {
        // typed like a person: each line after the shell shows it is ready (typeahead may be flushed)
        ConsoleInput input = new ConsoleInput();
        StringBuffer shown = new StringBuffer();
        java.io.OutputStream screen = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                shown.append((char) b);
            }
        };
        Thread session = Thread.ofPlatform().daemon().start(() -> {
            try {
                ConsoleClient.attach(new AgentEndpoint.Local(agent.socket), "life", new TerminalSize(30, 100), input, screen);
            } catch (java.io.IOException e) {
                shown.append("failed: ").append(e.getMessage());
            }
        });
        awaitShown(shown, "# ");
        input.keys("tty; stty size; echo hi-$((6*7))\n".getBytes(StandardCharsets.US_ASCII));
        awaitShown(shown, "hi-42");
        assertThat(shown.toString()).containsPattern("/dev/pts/[0-9]+").contains("30 100");

        input.resize(new TerminalSize(47, 153));
        // runc passes the size on when SIGWINCH reaches it, which may be just after the next keys
        for (int i = 0; i < 20 && !shown.toString().contains("47 153"); i++) {
            input.keys("stty size\n".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(250);
        }
        assertThat(shown.toString()).contains("47 153");

        input.keys("exit\n".getBytes(StandardCharsets.US_ASCII));
        input.end();
        session.join(java.time.Duration.ofSeconds(10));
        assertThat(session.isAlive()).as(shown.toString()).isFalse();
        // (not through vpsctl here: it would read the test JVM's stdin, which surefire talks over)
        ConsoleInput nothing = new ConsoleInput();
        nothing.end();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConsoleClient.attach(new AgentEndpoint.Local(agent.socket), "nothere",
                        TerminalSize.DEFAULT, nothing, java.io.OutputStream.nullOutputStream()))
                .hasMessage("no partition 'nothere'");
    }

    private static void awaitShown(StringBuffer shown, String text) throws InterruptedException {
        for (int i = 0; i < 100 && shown.indexOf(text) < 0; i++) {
            Thread.sleep(100);
        }
        assertThat(shown.toString()).contains(text);
    }

    @Test
    @Order(3)
    void seesOnlyItsOwnProcessesHostnameAndFilesAndIsNotRootOnTheHost() throws Exception {
        Commands.Result inside = agent.sh("life", "ps -o pid,comm | tail -n +2 | wc -l; hostname; ls /; touch /mine; cat /proc/self/uid_map");
        String[] lines = inside.stdout().split("\n");
        // init, sh, ps, tail and wc: nothing of the host
        assertThat(Integer.parseInt(lines[0].strip())).isLessThanOrEqualTo(5);
        assertThat(lines[1]).isEqualTo("life1");
        assertThat(inside.stdout()).doesNotContain("work").doesNotContain("vmlinuz");
        long hostUid = Long.parseLong(inside.stdout().lines().reduce((a, b) -> b).orElseThrow().strip().split("\\s+")[1]);
        assertThat(hostUid).isGreaterThan(65_535);

        Path mine = agent.stateDir.resolve("partitions/life/bundle/rootfs/mine");
        assertThat((Integer) Files.getAttribute(mine, "unix:uid")).isEqualTo((int) hostUid);
        // the template's files belong to root inside, with their modes (the sticky /tmp included)
        assertThat(agent.sh("life", "stat -c '%n %a %u %g' / /tmp /root /etc/shadow /etc/hostname /bin/busybox; cat /etc/hosts").stdout())
                .isEqualTo("/ 755 0 0\n/tmp 1777 0 0\n/root 700 0 0\n/etc/shadow 600 0 0\n/etc/hostname 644 0 0\n/bin/busybox 755 0 0\n"
                        + "127.0.0.1 localhost\n127.0.1.1 life1\n");

        Commands.Result mount = agent.sh("life", "mkdir -p /mnt/t && mount -t tmpfs none /mnt/t");
        assertThat(mount.exitCode()).isNotZero();
        assertThat(mount.stderr()).containsIgnoringCase("permission denied");
        Commands.Result module = agent.sh("life", "insmod /nonexistent.ko; grep CapEff /proc/self/status");
        // CAP_SYS_MODULE (bit 16) and CAP_SYS_ADMIN (bit 21) are not in the effective set
        long capabilities = Long.parseLong(module.stdout().strip().split("\\s+")[1], 16);
        assertThat(capabilities & (1L << 16 | 1L << 21)).isZero();
    }

    @Test
    @Order(4)
    void badInputIsRefusedWithOneLineAndChangesNothing() throws Exception {
        String before = agent.cgroupFile("memory", "life", "memory.limit_in_bytes");

        TestAgent.Cli tooSmall = agent.vpsctl("set", "life", "--memory", "1M");
        assertThat(tooSmall.exitCode()).isEqualTo(1);
        assertThat(tooSmall.err()).isEqualTo("vpsctl: --memory: Memory must be between 16M and 4T\n");
        TestAgent.Cli unknown = agent.vpsctl("create", "x", "--template", "busybox", "--hostname", "x", "--colour", "red");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("vpsctl: unknown option '--colour' for create\n");

        var reply = new org.vpspanel.agent.AgentClient(new org.vpspanel.agent.AgentEndpoint.Local(agent.socket)).send("PUT", "/v1/partitions/life",
                Map.of("hostname", "life1", "template", "busybox", "resources", Map.of("memory", "64M", "colour", "red")),
                false, java.time.Duration.ofSeconds(10));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(Json.readObject(reply.body())).containsEntry("field", "resources.colour");

        assertThat(agent.cgroupFile("memory", "life", "memory.limit_in_bytes")).isEqualTo(before);
        assertThat(agent.manager().list()).hasSize(1);
    }

    @Test
    @Order(5)
    void setRaisesMemoryAndDiskOfTheRunningPartitionAndTheNewLimitsHold() throws Exception {
        // 100 MiB in one shell variable is beyond 64 MiB of memory ...
        String hog = "x=$(head -c 100000000 /dev/zero | tr '\\0' a); echo ${#x}";
        assertThat(agent.sh("life", hog).stdout()).doesNotContain("100000000");

        TestAgent.Cli set = agent.vpsctl("set", "life", "--memory", "256M", "--disk", "512M", "--open-files", "2048");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("applied: resources.memory, resources.disk\n"
                + "takes effect at the next restart: resources.openFiles\n");
        assertThat(agent.cgroupFile("memory", "life", "memory.limit_in_bytes")).isEqualTo(Long.toString(256L << 20));

        // ... and within 256 MiB
        assertThat(agent.sh("life", hog).stdout()).isEqualTo("100000000\n");
        // 300 MiB did not fit the 256 MiB disk; now it does, and what was there stays
        Commands.Result write = agent.sh("life", "dd if=/dev/zero of=/big bs=1M count=300 2>&1 && ls /mine && df -m / | tail -1");
        assertThat(write.exitCode()).as(write.stdout()).isZero();
        long sizeMiB = Long.parseLong(write.stdout().lines().reduce((a, b) -> b).orElseThrow().strip().split("\\s+")[1]);
        assertThat(sizeMiB).isBetween(480L, 512L);

        assertThat(agent.vpsctl("set", "life", "--memory", "256M").out()).isEqualTo("nothing changed\n");
        assertThat(Json.readObject(agent.vpsctl("--json", "status", "life").out()).get("pendingRestart"))
                .isEqualTo(java.util.List.of("resources.openFiles"));
    }

    @Test
    @Order(6)
    void agentRestartLeavesThePartitionRunningAndAdoptsIt() throws Exception {
        String initBefore = Commands.run("runc", "--root", agent.stateDir.resolve("runc").toString(), "state", agent.manager().hostName("life"));
        Object pidBefore = Json.readObject(initBefore).get("pid");

        agent.restart();

        Object pidAfter = Json.readObject(Commands.run("runc", "--root", agent.stateDir.resolve("runc").toString(), "state",
                agent.manager().hostName("life"))).get("pid");
        assertThat(pidAfter).isEqualTo(pidBefore);
        assertThat(agent.vpsctl("exec", "life", "--", "cat", "/mine").exitCode()).isZero();
        assertThat(agent.vpsctl("status", "life").out()).contains("state", "running");
    }

    @Test
    @Order(7)
    void stopAndStartAgainAndTheListSaysWhichRuns() throws Exception {
        TestAgent.Cli stop = agent.vpsctl("stop", "life", "--timeout", "5");
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(agent.vpsctl("exec", "life", "--", "true").err()).isEqualTo("vpsctl: partition 'life' is not running\n");
        assertThat(agent.manager().list()).singleElement().extracting(p -> p.state()).isEqualTo("stopped");
        assertThat(agent.vpsctl("start", "life").exitCode()).isZero();
        assertThat(agent.manager().list()).singleElement().extracting(p -> p.state()).isEqualTo("running");

        // an init that dies behind the agent's back (killed from the host) lists as stopped as well
        Object init = Json.readObject(Commands.run("runc", "--root", agent.stateDir.resolve("runc").toString(), "state",
                agent.manager().hostName("life"))).get("pid");
        Commands.run("kill", "-9", init.toString());
        for (int i = 0; i < 50 && agent.manager().list().getFirst().state().equals("running"); i++) {
            Thread.sleep(100);
        }
        assertThat(agent.manager().list()).singleElement().extracting(p -> p.state()).isEqualTo("stopped");

        assertThat(agent.vpsctl("start", "life").exitCode()).isZero();
        assertThat(agent.sh("life", "ulimit -n; ls /mine").stdout()).isEqualTo("2048\n/mine\n");
    }

    @Test
    @Order(8)
    void aCreateCutShortIsUndoneAtTheNextAgentStart() throws Exception {
        assertThat(agent.vpsctl("create", "half", "--template", "busybox", "--hostname", "half", "--disk", "64M").exitCode()).isZero();
        // as if the agent had died between writing its journal and finishing the create
        Path record = agent.stateDir.resolve("partitions/half/record.json");
        Files.writeString(record, Files.readString(record).replace("\"pending\" : null", "\"pending\" : \"create\""));

        agent.restart();

        assertThat(agent.manager().list()).extracting(p -> p.id()).containsExactly("life");
        assertThat(agent.leftovers()).noneMatch(left -> left.contains("half"));
    }

    @Test
    @Order(9)
    void setsRootPasswordAndSshKeysAndReportsUsage() throws Exception {
        Path keys = agent.stateDir.resolve("keys.pub");
        Files.writeString(keys, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTests admin@test\n");
        TestAgent.Cli installed = agent.vpsctl("ssh-keys", "life", keys.toString());
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        assertThat(agent.sh("life", "cat /root/.ssh/authorized_keys; stat -c %a /root/.ssh/authorized_keys").stdout())
                .isEqualTo("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTests admin@test\n600\n");

        agent.manager().setRootPassword("life", "s3cret-pass");
        assertThat(agent.sh("life", "grep '^root:' /etc/shadow").stdout()).startsWith("root:$6$");

        TestAgent.Cli usage = agent.vpsctl("usage", "life");
        assertThat(usage.exitCode()).isZero();
        assertThat(usage.out()).contains("cpu time", "memory", "processes", "disk", "inodes", "network in");
        Map<String, Object> counters = Json.readObject(agent.vpsctl("--json", "usage", "life").out());
        assertThat(((Number) counters.get("processes")).longValue()).isPositive();
        assertThat(((Number) counters.get("diskBytesTotal")).longValue()).isGreaterThan(400L << 20);
        assertThat(((Number) counters.get("inodesUsed")).longValue()).isPositive();
    }

    @Test
    @Order(10)
    void reinstallGivesAFreshRootFilesystemWithTheSameSpec() {
        TestAgent.Cli reinstall = agent.vpsctl("reinstall", "life");
        assertThat(reinstall.exitCode()).as(reinstall.err()).isZero();

        assertThat(agent.sh("life", "ls /mine").exitCode()).isNotZero();
        assertThat(agent.sh("life", "hostname").stdout()).isEqualTo("life1\n");
    }

    @Test
    @Order(11)
    void autostartPartitionsStartWithTheAgentAndOperationsCutShortAreFinished() throws Exception {
        assertThat(agent.vpsctl("set", "life", "--autostart", "true").exitCode()).isZero();
        assertThat(agent.vpsctl("create", "gone", "--template", "busybox", "--hostname", "gone", "--disk", "64M").exitCode()).isZero();
        // a start cut short between runc create and runc start: a created container and its cgroup
        assertThat(agent.vpsctl("create", "half", "--template", "busybox", "--hostname", "half", "--disk", "64M").exitCode()).isZero();
        Commands.run("runc", "--root", agent.stateDir.resolve("runc").toString(), "create", "--bundle",
                agent.stateDir.resolve("partitions/half/bundle").toString(), agent.manager().hostName("half"));
        // as after a host reboot: nothing runs; and as if the agent had died while destroying "gone"
        agent.manager().stop("life", java.time.Duration.ZERO);
        Path record = agent.stateDir.resolve("partitions/gone/record.json");
        Files.writeString(record, Files.readString(record).replace("\"pending\" : null", "\"pending\" : \"destroy\""));

        agent.restart();

        assertThat(agent.vpsctl("status", "life").out()).contains("running");
        assertThat(agent.manager().list()).extracting(p -> p.id()).containsExactly("half", "life");
        assertThat(agent.leftovers()).filteredOn(left -> left.startsWith("cgroup") || left.startsWith("netns"))
                .noneMatch(left -> left.contains("half"));
        assertThat(Commands.attempt("runc", "--root", agent.stateDir.resolve("runc").toString(), "state",
                agent.manager().hostName("half")).succeeded()).isFalse();
        assertThat(agent.vpsctl("destroy", "half").exitCode()).isZero();
    }

    @Test
    @Order(12)
    void destroyLeavesNothingBehind() throws Exception {
        TestAgent.Cli destroy = agent.vpsctl("destroy", "life");
        assertThat(destroy.exitCode()).as(destroy.err()).isZero();
        assertThat(agent.leftovers()).isEmpty();
        assertThat(agent.vpsctl("status", "life").err()).isEqualTo("vpsctl: no partition 'life'\n");
    }
}
