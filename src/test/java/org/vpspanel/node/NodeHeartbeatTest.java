package org.vpspanel.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.AgentProcess;
import org.vpspanel.testing.PanelTest;

/**
 * The heartbeat on a real agent: a node stays online while its agent answers, also beside agents that hang,
 * and is offline within 30 s of its silence.
 */
class NodeHeartbeatTest extends PanelTest {

    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    private static final Duration PROMISED = Duration.ofSeconds(30);

    @Autowired
    NodeService nodes;

    @Test
    void aNodeWhoseAgentStopsAnsweringIsOfflineWithin30Seconds() throws Exception {
        AgentProcess agent = HOST.agent();
        NodeSummary node = nodeWithAgent(agent, 12);
        assertThat(node.status()).isEqualTo(NodeStatus.ONLINE);
        assertThat(node.agentInfo()).containsKeys("version", "kernel", "cgroup");

        // the background heartbeat, not only the enrolment's check, keeps hearing from it
        Instant enrolled = node.lastSeenAt();
        NodeSummary heard = waitFor(node, Duration.ofSeconds(25), n -> n.lastSeenAt().isAfter(enrolled));
        assertThat(heard.status()).isEqualTo(NodeStatus.ONLINE);

        agent.kill();
        long killed = System.nanoTime();
        NodeSummary silent = waitFor(node, PROMISED.plusSeconds(10), n -> n.status() == NodeStatus.OFFLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(took).isLessThanOrEqualTo(PROMISED);
        assertThat(silent.lastError()).isNotBlank();
        agent.launch(); // for the class's other test
    }

    @Test
    void agentsThatHangDoNotDelayTheHeartbeatOfTheOthers() throws Exception {
        NodeSummary live = nodeWithAgent(HOST.agent(), 12);
        Path sockets = Files.createTempDirectory("vpj-hanging");
        List<ServerSocketChannel> hanging = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                // accepts connections (the kernel does, from its backlog) and never answers: each ask waits out its timeout
                ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                Path path = sockets.resolve("agent" + i + ".sock");
                socket.bind(UnixDomainSocketAddress.of(path), 16);
                hanging.add(socket);
                NodeSummary node = as(ADMIN, () -> nodes.create(new NodeDraft("hung" + hanging.size(), "localhost", 1,
                        Units.parseSize("1G"), Units.parseSize("10G"), 1, 1, 1)));
                as(ADMIN, () -> nodes.connectLocalAgent(node.id(), path.toString()));
            }
            long until = System.nanoTime() + PROMISED.plusSeconds(15).toNanos();
            while (System.nanoTime() < until) {
                assertThat(as(ADMIN, () -> nodes.get(live.id())).status()).isEqualTo(NodeStatus.ONLINE);
                Thread.sleep(1000);
            }
            assertThat(as(ADMIN, () -> nodes.all())).filteredOn(node -> node.name().startsWith("hung"))
                    .hasSize(6).allSatisfy(node -> assertThat(node.status()).isEqualTo(NodeStatus.OFFLINE));
        } finally {
            for (ServerSocketChannel socket : hanging) {
                Path path = ((UnixDomainSocketAddress) socket.getLocalAddress()).getPath();
                socket.close();
                Files.delete(path);
            }
            Files.delete(sockets);
        }
    }

    private NodeSummary waitFor(NodeSummary node, Duration limit, java.util.function.Predicate<NodeSummary> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            NodeSummary now = as(ADMIN, () -> nodes.get(node.id()));
            if (condition.test(now) || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(500);
        }
    }
}
