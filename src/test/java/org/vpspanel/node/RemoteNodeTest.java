package org.vpspanel.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.agent.ConsoleInput;
import org.vpspanel.agent.EnrollmentToken;
import org.vpspanel.agent.Json;
import org.vpspanel.agent.TerminalSize;
import org.vpspanel.agent.TlsIdentity;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.partition.ConsoleTarget;
import org.vpspanel.partition.NewPartition;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.partition.PartitionState;
import org.vpspanel.partition.PartitionSummary;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.AgentProcess;
import org.vpspanel.testing.PanelTest;

/**
 * A node whose agent the panel reaches over TLS (a real agent listening on loopback): enrolled with a token,
 * then running partitions through jobs, heartbeat and console as a local node does, until the agent stops
 * trusting the panel. Bad enrollments are refused with the reason on the form's field, and save nothing.
 */
class RemoteNodeTest extends PanelTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static AgentProcess agent;

    @Autowired
    NodeService nodes;
    @Autowired
    NodeAgents agents;
    @Autowired
    IpPoolService pools;
    @Autowired
    PartitionService partitions;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = AgentProcess.startListening();
    }

    @AfterAll
    static void stopAgent() throws Exception {
        AgentProcess.closeLeavingNothing(agent);
    }

    /** A token from the agent, as vpsctl enroll prints it. */
    static String token(AgentProcess agent, Map<String, Object> request) {
        return (String) Json.readObject(agent.send("POST", "/v1/trust/tokens", request).body()).get("token");
    }

    private static NodeDraft draft(String address) {
        return draft("remote1", address);
    }

    private static NodeDraft draft(String name, String address) {
        return new NodeDraft(name, address, 2, Units.parseSize("4G"), Units.parseSize("20G"), 4, 1, 1);
    }

    @Test
    void anEnrolledRemoteNodeRunsPartitionsAndItsConsoleUntilTheAgentRevokesThePanel() throws Exception {
        String token = token(agent, Map.of());
        NodeSummary node = as(ADMIN, () -> nodes.addRemote(draft(agent.tcpAddress()), token));

        assertThat(node.status()).isEqualTo(NodeStatus.ONLINE);
        assertThat(node.agentFingerprint()).isEqualTo(EnrollmentToken.decode(token).agentFingerprint());
        assertThat(node.agentInfo()).containsEntry("prefix", agent.prefix());
        String panel = as(ADMIN, nodes::panelFingerprint);
        assertThat(agent.send("GET", "/v1/trust", null).body()).contains(panel);

        as(ADMIN, () -> pools.create(new IpPoolDraft("lan", node.id(), "10.213.10.0/24", "10.213.10.1", "10.213.10.10", "10.213.10.20")));
        AccountSummary acme = createReseller("acme");
        AccountSummary carol = createCustomer("carol", acme);
        long plan = tinyPlan("acme", "tiny").id();
        PartitionSummary partition = as("acme", () -> partitions.create(new NewPartition(carol.id(), plan, busyboxTemplateId(), "far.example.com", node.id())));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.STOPPED);
        as("carol", () -> partitions.start(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.RUNNING);

        ConsoleTarget console = as("carol", () -> partitions.openConsole(partition.id()));
        assertThat(agent.stateOf(console.agentPartitionId())).contains("running");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConsoleInput typed = new ConsoleInput();
        typed.keys("echo over-tls-$((6*7))\nexit\n".getBytes(StandardCharsets.UTF_8));
        typed.end();
        agents.console(node.id(), console.agentPartitionId(), TerminalSize.DEFAULT, typed, screen);
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("over-tls-42");

        assertThat(agent.send("DELETE", "/v1/trust/" + panel, null).ok()).isTrue();

        assertThatThrownBy(() -> agents.call(node.id(), "GET", "/v1/partitions", null, Duration.ofSeconds(10)))
                .isInstanceOf(AgentRefusedException.class).hasMessageContaining("is not enrolled with this agent");
        assertThat(as(ADMIN, () -> nodes.checkAgent(node.id())).lastError()).contains("not enrolled");

        NodeSummary again = as(ADMIN, () -> nodes.enrollAgent(node.id(), draftOf(node), token(agent, Map.of())));
        assertThat(again.lastError()).as("a new token lets the panel in again").isNull();
        assertThat(agents.callForList(node.id(), "GET", "/v1/partitions", null, Duration.ofSeconds(10))).hasSize(1);
        agent.send("DELETE", "/v1/trust/" + panel, null);
    }

    @Test
    void badEnrollmentsAreRefusedOnTheirFieldAndSaveNothing() throws Exception {
        String token = token(agent, Map.of());
        EnrollmentToken read = EnrollmentToken.decode(token);
        String otherAgent = new EnrollmentToken(read.address(), read.id(), read.secret(),
                TlsIdentity.generate("another agent").fingerprint()).encode();
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }

        assertRefused(draft(agent.tcpAddress()), token.substring(0, 40), "token", "damaged");
        assertRefused(draft(agent.tcpAddress()), "", "token", "Not an enrollment token");
        assertRefused(draft("127.0.0.1:99999"), token, "address", "optionally with :port");
        assertRefused(draft("127.0.0.1:" + closedPort), token, "address", "Cannot enroll with the agent at 127.0.0.1:" + closedPort);
        assertRefused(draft(agent.tcpAddress()), otherAgent, "address", "presented the certificate " + read.agentFingerprint());
        assertThat(agent.send("GET", "/v1/trust", null).body()).as("nothing reached the agent's trust").doesNotContain(":");

        NodeSummary enrolled = as(ADMIN, () -> nodes.addRemote(draft(""), token));
        assertThat(enrolled.address()).as("taken from the token").isEqualTo(agent.tcpAddress());
        assertRefused(draft("remote2", agent.tcpAddress()), token, "token", "used already");

        String expired = token(agent, Map.of("validSeconds", 1));
        Thread.sleep(1_500);
        assertRefused(draft("remote3", agent.tcpAddress()), expired, "token", "expired");

        NodeSummary recorded = as(ADMIN, () -> nodes.create(draft("remote4", agent.tcpAddress())));
        assertThat(recorded.status()).isEqualTo(NodeStatus.NOT_ENROLLED);
        NodeDraft edited = new NodeDraft("remote4", agent.tcpAddress(), 16, recorded.memory(), recorded.disk(), 2, 1, 1);
        assertThatThrownBy(() -> as(ADMIN, () -> nodes.enrollAgent(recorded.id(), edited, token)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("used already");
        assertThat(as(ADMIN, () -> nodes.get(recorded.id())).cores()).as("a refused enrollment saves no edit").isEqualTo(recorded.cores());
        NodeSummary enrolledAgain = as(ADMIN, () -> nodes.enrollAgent(recorded.id(), edited, token(agent, Map.of())));
        assertThat(enrolledAgain.status()).isEqualTo(NodeStatus.ONLINE);
        assertThat(enrolledAgain.cores()).as("the edit is saved with the enrollment").isEqualTo(16);
        agent.send("DELETE", "/v1/trust/" + as(ADMIN, nodes::panelFingerprint), null);
    }

    private static NodeDraft draftOf(NodeSummary node) {
        return new NodeDraft(node.name(), node.address(), node.cores(), node.memory(), node.disk(), node.cpuOvercommit(),
                node.memoryOvercommit(), node.diskOvercommit());
    }

    private void assertRefused(NodeDraft draft, String token, String field, String reason) {
        long before = as(ADMIN, () -> nodes.count(null));
        assertThatThrownBy(() -> as(ADMIN, () -> nodes.addRemote(draft, token)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.violations())
                        .anySatisfy(violation -> {
                            assertThat(violation.field()).isEqualTo(field);
                            assertThat(violation.message()).contains(reason);
                        }));
        assertThat(as(ADMIN, () -> nodes.count(null))).as("nothing saved").isEqualTo(before);
    }

    private PartitionSummary settled(long partitionId) {
        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> as(ADMIN, () -> partitions.get(partitionId)).activeJob() == null);
        return as(ADMIN, () -> partitions.get(partitionId));
    }
}
