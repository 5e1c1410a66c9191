package org.vpspanel.agent.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vpspanel.agent.host.Commands;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitions started and destroyed at the same time. Each start and destroy renders the node's ruleset from
 * the partitions there: starts side by side must each end up in it, and a destroy that counted another
 * leaving alongside it kept the bridge and the nft table after the last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrentLifecycleKernelTest {

    private static final int PARTITIONS = 4;
    private static TestAgent agent;
    private static String subnet;

    @BeforeAll
    static void createNetworkedPartitions() {
        agent = TestAgent.start();
        subnet = "10.213." + new SecureRandom().nextInt(250) + ".";
        for (int i = 1; i <= PARTITIONS; i++) {
            TestAgent.Cli created = agent.vpsctl("create", "d" + i, "--template", "busybox", "--hostname", "d" + i,
                    "--ip", address(i) + "/24", "--gateway", subnet + "1", "--disk", "64M");
            assertThat(created.exitCode()).as(created.err()).isZero();
        }
    }

    private static String address(int partition) {
        return subnet + (partition + 1);
    }

    /** Runs vpsctl for every partition at once; each must succeed. */
    private static void allAtOnce(String command) throws Exception {
        List<CompletableFuture<TestAgent.Cli>> runs = IntStream.rangeClosed(1, PARTITIONS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> agent.vpsctl(command, "d" + i))).toList();
        for (CompletableFuture<TestAgent.Cli> run : runs) {
            TestAgent.Cli done = run.get();
            assertThat(done.exitCode()).as(command + ": " + done.err()).isZero();
        }
    }

    @AfterAll
    static void removeAgent() throws Exception {
        TestAgent.closeLeavingNothing(agent);
    }

    @Test
    @Order(1)
    void partitionsStartedAtOnceEachHaveTheirAddressAndAPlaceInTheNodesRules() throws Exception {
        allAtOnce("start");

        String rules = Commands.run("nft", "list", "table", "bridge", agent.prefix);
        for (int i = 1; i <= PARTITIONS; i++) {
            assertThat(agent.sh("d" + i, "ip -4 addr show eth0").stdout()).contains(address(i) + "/24");
            assertThat(rules).contains(address(i));
        }
    }

    @Test
    @Order(2)
    void destroyingEveryPartitionAtOnceLeavesNoHostObject() throws Exception {
        assertThat(agent.leftovers()).as("the partitions' objects exist before").anyMatch(o -> o.startsWith("nft "));

        allAtOnce("destroy");

        assertThat(agent.leftovers()).isEmpty();
    }
}
