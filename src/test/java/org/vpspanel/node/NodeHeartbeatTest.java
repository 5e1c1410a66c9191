package org.vpspanel.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.AgentProcess;
import org.vpspanel.testing.PanelTest;

/** The heartbeat on a real agent: a node stays online while its agent answers and is offline within 30 s of its silence. */
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
