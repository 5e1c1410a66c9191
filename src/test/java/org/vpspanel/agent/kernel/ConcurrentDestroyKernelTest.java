package org.vpspanel.agent.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitions destroyed at the same time: each destroy renders the node's ruleset from the partitions that
 * stay, so one that counted another leaving alongside it kept the bridge and the nft table after the last.
 */
class ConcurrentDestroyKernelTest {

    private static final int PARTITIONS = 4;
    private static TestAgent agent;

    @BeforeAll
    static void createNetworkedPartitions() {
        agent = TestAgent.start();
        String subnet = "10.213." + new SecureRandom().nextInt(250) + ".";
        for (int i = 1; i <= PARTITIONS; i++) {
            TestAgent.Cli created = agent.vpsctl("create", "d" + i, "--template", "busybox", "--hostname", "d" + i,
                    "--ip", subnet + (i + 1) + "/24", "--gateway", subnet + "1", "--disk", "64M");
            assertThat(created.exitCode()).as(created.err()).isZero();
            TestAgent.Cli started = agent.vpsctl("start", "d" + i);
            assertThat(started.exitCode()).as(started.err()).isZero();
        }
    }

    @AfterAll
    static void removeAgent() throws Exception {
        TestAgent.closeLeavingNothing(agent);
    }

    @Test
    void destroyingEveryPartitionAtOnceLeavesNoHostObject() throws Exception {
        assertThat(agent.leftovers()).as("the partitions' objects exist before").anyMatch(o -> o.startsWith("nft "));

        List<CompletableFuture<TestAgent.Cli>> destroys = IntStream.rangeClosed(1, PARTITIONS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> agent.vpsctl("destroy", "d" + i))).toList();
        for (CompletableFuture<TestAgent.Cli> destroy : destroys) {
            TestAgent.Cli done = destroy.get();
            assertThat(done.exitCode()).as(done.err()).isZero();
        }

        assertThat(agent.leftovers()).isEmpty();
    }
}
