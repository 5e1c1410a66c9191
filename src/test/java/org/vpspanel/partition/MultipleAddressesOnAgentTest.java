package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.PanelTest;

/**
 * A partition gets as many IPv4 addresses on the host as its plan gives it, live when the plan changes, and
 * may send from each of them but from no other. A test namespace on the node's bridge plays the gateway.
 */
class MultipleAddressesOnAgentTest extends PanelTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static final String NETWORK = "10.213.16.";
    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    @Autowired
    PartitionService partitions;
    @Autowired
    PlanService plans;
    @Autowired
    IpPoolService pools;

    private static PlanDraft plan(String name, int addresses) {
        return new PlanDraft(name, Resources.defaults().with(ResourceField.MEMORY, Units.parseSize("64M"))
                .with(ResourceField.DISK, Units.parseSize("256M")).with(ResourceField.DISK_INODES, 20_000)
                .with(ResourceField.IPV4_ADDRESSES, addresses), OverQuotaAction.SUSPEND, 0, null);
    }

    private PartitionSummary settled(long partitionId) {
        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> as(ADMIN, () -> partitions.get(partitionId)).activeJob() == null);
        return as(ADMIN, () -> partitions.get(partitionId));
    }

    private JobSummary lastJob(long partitionId) {
        return as(ADMIN, () -> partitions.jobs(partitionId)).getFirst();
    }

    /** Whether the gateway's namespace gets an answer from the address: the partition's reply has it as source. */
    private static boolean answers(String outside, String address) {
        return Commands.attempt(List.of("ip", "netns", "exec", outside, "busybox", "ping", "-c", "1", "-W", "2", address),
                Duration.ofSeconds(10), null).succeeded();
    }

    @Test
    void aPlanWithTwoAddressesPutsBothIntoThePartitionLiveWhereItSendsFromEachButFromNoOtherAndTakesOneBack() {
        AccountSummary acme = createReseller("acme");
        AccountSummary carol = createCustomer("carol", acme);
        nodeWithAgent(HOST.agent(), 16);
        PlanSummary one = as("acme", () -> plans.create(plan("one", 1)));
        PlanSummary two = as("acme", () -> plans.create(plan("two", 2)));
        PartitionSummary partition = as("acme", () -> partitions.create(new NewPartition(carol.id(), one.id(),
                busyboxTemplateId(), "multi.example.com", null)));
        settled(partition.id());
        as("carol", () -> partitions.start(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.RUNNING);
        String onHost = AgentSpecs.agentId(partition.id());
        String outside = HOST.agent().prefix() + "-gw";
        try {
            Commands.run("ip", "netns", "add", outside);
            Commands.run("ip", "link", "add", HOST.agent().prefix() + "g0", "type", "veth", "peer", "name", "eth0", "netns",
                    outside);
            Commands.run("ip", "link", "set", HOST.agent().prefix() + "g0", "master", HOST.agent().prefix() + "br0", "up");
            Commands.run("ip", "-n", outside, "addr", "add", NETWORK + "1/24", "dev", "eth0");
            Commands.run("ip", "-n", outside, "link", "set", "eth0", "up");

            as("acme", () -> partitions.changePlan(partition.id(), two.id()));

            PartitionSummary grown = settled(partition.id());
            assertThat(lastJob(partition.id()).message()).contains("Applied live: IPv4 addresses")
                    .endsWith("Nothing waits for a restart.");
            assertThat(grown.addresses()).containsExactly(NETWORK + "10/24", NETWORK + "11/24");
            assertThat(HOST.agent().outputInside(onHost, "ip", "-4", "addr", "show", "dev", "eth0"))
                    .contains("inet " + NETWORK + "10/24", "inet " + NETWORK + "11/24");
            assertThat(answers(outside, NETWORK + "10")).isTrue();
            assertThat(answers(outside, NETWORK + "11")).isTrue();
            // root inside cannot add an address (no CAP_NET_ADMIN); the host adds one the plan never gave
            Commands.run("ip", "-n", HOST.agent().prefix() + "-" + onHost, "addr", "add", NETWORK + "30/24", "dev", "eth0");
            assertThat(answers(outside, NETWORK + "30")).as("a foreign source address is dropped").isFalse();

            as("acme", () -> partitions.changePlan(partition.id(), one.id()));

            assertThat(settled(partition.id()).addresses()).containsExactly(NETWORK + "10/24");
            assertThat(HOST.agent().outputInside(onHost, "ip", "-4", "addr", "show", "dev", "eth0"))
                    .contains("inet " + NETWORK + "10/24").doesNotContain(NETWORK + "11/", NETWORK + "30/");
            assertThat(answers(outside, NETWORK + "10")).isTrue();
            assertThat(as(ADMIN, pools::all).getFirst().used()).isEqualTo(1);
        } finally {
            Commands.attempt("ip", "netns", "delete", outside);
            as("acme", () -> partitions.destroy(partition.id()));
            settled(partition.id());
        }
    }
}
