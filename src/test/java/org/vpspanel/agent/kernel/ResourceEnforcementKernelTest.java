package org.vpspanel.agent.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpspanel.agent.host.Commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every limit of a busybox partition, measured as the kernel enforces it. */
class ResourceEnforcementKernelTest {

    private static TestAgent agent;

    /** "lim" has the highest CPU weight, so that on a busy host its busy loop still reaches its cap. */
    @BeforeAll
    static void createPartitions() {
        agent = TestAgent.start();
        create("lim", "--memory", "64M", "--processes", "64", "--cpus", "1", "--cpu-limit", "50", "--cpu-weight", "10000", "--io-write-bps", "5M",
                "--io-weight", "500", "--disk", "64M", "--open-files", "1024", "--locked-memory", "8M", "--shared-memory", "16M",
                "--pending-signals", "256", "--message-queues", "800K", "--ptys", "16", "--socket-buffers", "256K");
        create("calm", "--memory", "64M", "--disk", "256M", "--disk-inodes", "20000");
    }

    private static void create(String id, String... resources) {
        TestAgent.Cli created = agent.vpsctl(concat(new String[] {"create", id, "--template", "busybox", "--hostname", id}, resources));
        assertThat(created.exitCode()).as(created.err()).isZero();
        TestAgent.Cli started = agent.vpsctl("start", id);
        assertThat(started.exitCode()).as(started.err()).isZero();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @AfterAll
    static void removePartitions() throws Exception {
        TestAgent.closeLeavingNothing(agent);
    }

    @Test
    void aMemoryHogIsKilledInsideWhileOtherPartitionsCarryOn() throws Exception {
        Commands.Result hog = agent.sh("lim", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived ${#x}");

        assertThat(hog.stdout()).doesNotContain("survived");
        assertThat(agent.cgroupFile("memory", "lim", "memory.oom_control")).containsPattern("oom_kill [1-9]");
        assertThat(agent.manager().usage("lim").oomKills()).as("usage reports the kill").isPositive();
        assertThat(agent.sh("lim", "echo alive").stdout()).isEqualTo("alive\n");
        assertThat(agent.sh("calm", "echo alive").stdout()).isEqualTo("alive\n");
    }

    @Test
    void aForkBombStopsAtTheProcessLimitAndEveryRefusalIsCounted() throws Exception {
        long hitsBefore = agent.manager().usage("lim").processLimitHits();
        // sleeps long enough to outlast the loop even on a loaded machine (3 s was not: the first had ended)
        Commands.Result bomb = agent.sh("lim", "for i in $(seq 1 200); do sleep 15 & done");
        // the sleeps that did start are still there: the partition is full, not more
        long processes = Long.parseLong(agent.cgroupFile("pids", "lim", "pids.current"));
        long refused = bomb.stderr().lines().filter(line -> line.contains("can't fork")).count();
        long hits = agent.manager().usage("lim").processLimitHits() - hitsBefore;

        System.out.printf("processes 64: fork loop of 200 stopped at %d processes; %d forks refused, %d counted%n",
                processes, refused, hits);
        assertThat(processes).isBetween(50L, 64L);
        assertThat(refused).isPositive();
        // the pids cgroup refused them (not an rlimit before it), so its counter saw each one
        assertThat(hits).isGreaterThanOrEqualTo(refused);
        Thread.sleep(15_000);
        assertThat(agent.sh("lim", "echo alive").stdout()).isEqualTo("alive\n");
    }

    @Test
    void aBusyLoopUnderCpuLimit50UsesHalfACore() throws Exception {
        agent.sh("lim", "timeout 8 sh -c 'while :; do :; done' > /dev/null 2>&1 &");
        Thread.sleep(500);
        long before = Long.parseLong(agent.cgroupFile("cpuacct", "lim", "cpuacct.usage"));
        long start = System.nanoTime();
        Thread.sleep(5_000);
        long used = Long.parseLong(agent.cgroupFile("cpuacct", "lim", "cpuacct.usage")) - before;
        double share = 100.0 * used / (System.nanoTime() - start);

        System.out.printf("cpu-limit 50: busy loop used %.1f %% of a core over 5 s%n", share);
        assertThat(share).isBetween(45.0, 55.0);
    }

    @Test
    void directWritesRunAtTheIoWriteLimit() {
        // timed inside by /proc/uptime (10 ms steps); busybox's dd reports no rate
        Commands.Result write = agent.sh("lim", "a=$(cut -d' ' -f1 /proc/uptime); dd if=/dev/zero of=/io bs=1M count=20 oflag=direct"
                + " 2>/dev/null && b=$(cut -d' ' -f1 /proc/uptime) && echo $a $b; rm /io");
        Matcher times = Pattern.compile("([0-9.]+) ([0-9.]+)").matcher(write.stdout());
        assertThat(times.find()).as(write.stdout() + write.stderr()).isTrue();
        double mibPerSecond = 20 / (Double.parseDouble(times.group(2)) - Double.parseDouble(times.group(1)));

        System.out.printf("io-write-bps 5M: direct writes ran at %.2f MiB/s%n", mibPerSecond);
        assertThat(mibPerSecond).isBetween(4.0, 6.0);
    }

    /**
     * BFQ arbitrates by this weight on the disk under the partitions' images; it is the node's scheduler
     * choice (these hosts run "none"), so the test checks what the kernel holds, not the arbitration.
     */
    @Test
    void theIoWeightIsTheCgroupsBfqWeight() throws Exception {
        assumeTrue(Files.exists(Path.of("/sys/fs/cgroup/blkio/blkio.bfq.io_serviced")), "the kernel has no BFQ");
        assertThat(agent.cgroupFile("blkio", "lim", "blkio.bfq.weight")).isEqualTo("500");
        assertThat(agent.cgroupFile("blkio", "calm", "blkio.bfq.weight")).isEqualTo("100");
    }

    @Test
    void writingPastTheDiskFailsWithNoSpace() {
        Commands.Result fill = agent.sh("lim", "dd if=/dev/zero of=/fill bs=1M count=100; rm /fill");

        assertThat(fill.stderr()).contains("No space left on device");
    }

    @Test
    void creatingFilesPastTheInodeLimitFailsWithNoSpace() {
        Commands.Result files = agent.sh("calm", "mkdir /many && cd /many && seq 1 30000 | xargs touch; ls | wc -l");

        assertThat(files.stderr()).contains("No space left on device");
        long created = Long.parseLong(files.stdout().strip());
        System.out.printf("disk-inodes 20000: %d files fitted%n", created);
        // XFS caps inodes at a whole percent of the disk: at least the limit, at most 1 % of the disk above it
        assertThat(created).isBetween(19_500L, 20_000L + (256L << 20) / 100 / 512);
        agent.sh("calm", "rm -rf /many");
    }

    @Test
    void processLimitsAndIpcAndSocketSysctlsShowInsideAndHold() {
        Commands.Result limits = agent.sh("lim", "ulimit -n; ulimit -l; ulimit -i; ulimit -q; sysctl -n kernel.shmmax;"
                + " sysctl -n kernel.msgmni; sysctl -n kernel.msgmnb; cat /proc/sys/net/ipv4/tcp_rmem; grep devpts /proc/mounts");

        // 800K of message queues: 50 System V queues of 16 KiB beside the POSIX queues' 819200 bytes
        assertThat(limits.stdout()).startsWith("1024\n8192\n256\n819200\n16777216\n50\n16384\n4096\t131072\t262144\n")
                .contains("max=16");
        assertThat(agent.sh("lim", "sysctl -w kernel.msgmni=32000").exitCode()).isNotZero();
        assertThat(agent.sh("lim", "ulimit -n 4096").exitCode()).isNotZero();
        assertThat(agent.sh("lim", "sysctl -w kernel.shmmax=999999999").exitCode()).isNotZero();
        assertThat(agent.sh("lim", "echo '4096 131072 99999999' > /proc/sys/net/ipv4/tcp_rmem").exitCode()).isNotZero();
    }
}
