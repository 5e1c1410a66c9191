package org.vpspanel.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.PanelTest;

/**
 * The run command's enrollment of the local node: the node answers as soon as the panel is up, on the first
 * start and on every later one, so a fresh run can place a partition at once (not only after a heartbeat).
 */
class LocalNodeEnrollmentTest extends PanelTest {

    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    @Autowired
    NodeService nodes;
    @Autowired
    IpPoolService pools;
    @Autowired
    NodeRepository nodeRepository;
    @Autowired
    TransactionTemplate transactions;

    private LocalNodeEnrollment enrollment() {
        return new LocalNodeEnrollment(nodes, pools, nodeRepository, transactions, HOST.agent().socket(),
                "local", "10.213.18.0/24", Path.of("/tmp"));
    }

    @Test
    void theLocalNodeIsOnlineWithItsPoolWhenThePanelIsUpAndAgainAfterARestart() {
        enrollment().run(null);

        NodeSummary node = as(ADMIN, () -> nodes.find("local", Pageable.unpaged())).getContent().getFirst();
        assertThat(node.status()).isEqualTo(NodeStatus.ONLINE);
        assertThat(as(ADMIN, () -> pools.freeAddresses(node.id()))).isPositive();

        // a panel started again later: its node's last heartbeat is old news until the agent is asked again
        database.jdbc().update("UPDATE node SET last_seen_at = now() - interval '1 hour' WHERE id = ?", node.id());
        assertThat(as(ADMIN, () -> nodes.get(node.id())).status()).isEqualTo(NodeStatus.OFFLINE);
        enrollment().run(null);

        assertThat(as(ADMIN, () -> nodes.get(node.id())).status()).isEqualTo(NodeStatus.ONLINE);
        assertThat(nodeRepository.count()).as("enrolled once").isEqualTo(1);
    }
}
