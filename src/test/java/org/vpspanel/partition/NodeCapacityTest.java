package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.node.IpPoolDraft;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeDraft;
import org.vpspanel.node.NodeHeld;
import org.vpspanel.node.NodeOverview;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeStatus;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.PanelTest;

/** The nodes page's figures: capacity used and free per node, addresses, partitions; and maintenance. */
class NodeCapacityTest extends PanelTest {

    private static final long GIB = 1L << 30;

    @Autowired
    PartitionService partitions;
    @Autowired
    NodeService nodes;
    @Autowired
    IpPoolService pools;
    @Autowired
    PlanService plans;

    private AccountSummary carol;
    private NodeSummary big;
    private NodeSummary small;
    private PlanSummary plan;

    @BeforeEach
    void twoNodesWithPoolsAndAPlan() {
        carol = as(ADMIN, () -> accounts.createCustomer(newAccount("carol"), null, null));
        // 4 cores × 2 = 8 vCPUs, 16G × 1.5 = 24G memory, 100G disk
        big = node("big", 4, 2, "16G", 1.5, "100G");
        small = node("small", 2, 1, "4G", 1, "50G");
        as(ADMIN, () -> pools.create(new IpPoolDraft("big-lan", big.id(), "10.31.0.0/24", "10.31.0.1", "10.31.0.10",
                "10.31.0.29")));
        as(ADMIN, () -> pools.create(new IpPoolDraft("small-lan", small.id(), "10.32.0.0/24", "10.32.0.1",
                "10.32.0.10", "10.32.0.14")));
        // 2 vCPUs, 3G memory, 10G disk, 2 addresses
        plan = as(ADMIN, () -> plans.create(new PlanDraft("medium", Resources.defaults()
                .with(ResourceField.CPUS, 2).with(ResourceField.MEMORY, 3 * GIB).with(ResourceField.DISK, 10 * GIB)
                .with(ResourceField.IPV4_ADDRESSES, 2), OverQuotaAction.SUSPEND, 0, null)));
    }

    private NodeSummary node(String name, int cores, double cpuOvercommit, String memory, double memoryOvercommit,
                             String disk) {
        return as(ADMIN, () -> nodes.create(new NodeDraft(name, name + ".example.com", cores, Units.parseSize(memory),
                Units.parseSize(disk), cpuOvercommit, memoryOvercommit, 1)));
    }

    private PartitionSummary sell(String hostname, NodeSummary node) {
        return as(ADMIN, () -> partitions.create(new NewPartition(carol.id(), plan.id(), busyboxTemplateId(), hostname,
                node == null ? null : node.id())));
    }

    private NodeOverview overview(NodeSummary node) {
        return as(ADMIN, () -> nodes.overview("", PageRequest.of(0, 10, Sort.by("name")))).stream()
                .filter(row -> row.node().id().equals(node.id())).findFirst().orElseThrow();
    }

    @Test
    void eachNodeShowsWhatItsPartitionsHoldAndWhatIsLeftUnderOvercommit() {
        sell("a1", big);
        sell("a2", big);
        PartitionSummary gone = sell("a3", big);
        sell("b1", small);
        as(ADMIN, () -> partitions.destroy(gone.id()));

        NodeOverview onBig = overview(big);
        assertThat(onBig.held()).isEqualTo(new NodeHeld(2, 4, 6 * GIB, 20 * GIB));
        assertThat(onBig.cpusFree()).isEqualTo(8 - 4);
        assertThat(onBig.memoryFree()).isEqualTo(24 * GIB - 6 * GIB);
        assertThat(onBig.diskFree()).isEqualTo(100 * GIB - 20 * GIB);
        assertThat(onBig.addressesUsed()).isEqualTo(4);
        assertThat(onBig.addressesFree()).isEqualTo(20 - 4);

        NodeOverview onSmall = overview(small);
        assertThat(onSmall.held()).isEqualTo(new NodeHeld(1, 2, 3 * GIB, 10 * GIB));
        assertThat(onSmall.cpusFree()).isZero();
        assertThat(onSmall.memoryFree()).isEqualTo(GIB);
        assertThat(onSmall.addressesFree()).isEqualTo(3);
    }

    @Test
    void aNodeWithoutPartitionsOrPoolsHoldsNothing() {
        NodeSummary empty = node("empty", 1, 1, "1G", 1, "10G");

        NodeOverview row = overview(empty);
        assertThat(row.held()).isEqualTo(NodeHeld.NOTHING);
        assertThat(row.cpusFree()).isEqualTo(1);
        assertThat(row.addressesUsed() + row.addressesFree()).isZero();
    }

    @Test
    void aNodeInMaintenanceGetsNoNewPartitionsAndShowsIt() {
        as(ADMIN, () -> nodes.setMaintenance(big.id(), true));

        assertThat(as(ADMIN, () -> nodes.get(big.id())).maintenance()).isTrue();
        assertThat(sell("auto", null).nodeName()).isEqualTo("small");
        assertThatThrownBy(() -> sell("chosen", big)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("node"));
        assertThatThrownBy(() -> sell("nowhere", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No node has room");

        as(ADMIN, () -> nodes.setMaintenance(big.id(), false));
        assertThat(sell("back", big).nodeName()).isEqualTo("big");
    }

    @Test
    void theNodeStatusShowsOfflineBeforeMaintenanceWhenTheAgentIsSilent() {
        as(ADMIN, () -> nodes.setMaintenance(big.id(), true));

        // big has no agent at all: not connected wins, then a silent agent shows offline, maintenance or not
        assertThat(as(ADMIN, () -> nodes.get(big.id())).status()).isEqualTo(NodeStatus.NOT_ENROLLED);
        as(ADMIN, () -> nodes.connectLocalAgent(big.id(), "/nonexistent/agent.sock"));
        assertThat(as(ADMIN, () -> nodes.checkAgent(big.id()))).satisfies(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.OFFLINE);
            assertThat(node.maintenance()).isTrue();
            assertThat(node.lastError()).isNotBlank();
        });
    }

    @Test
    void thePartitionListNarrowsToOneNode() {
        sell("a1", big);
        sell("b1", small);

        List<String> onSmall = as(ADMIN, () -> partitions.find(new PartitionFilter("", null, small.id()),
                Pageable.unpaged())).map(PartitionSummary::hostname).getContent();
        assertThat(onSmall).containsExactly("b1");
    }
}
