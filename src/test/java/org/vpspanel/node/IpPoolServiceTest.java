package org.vpspanel.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.PanelTest;

class IpPoolServiceTest extends PanelTest {

    @Autowired
    NodeService nodes;

    @Autowired
    IpPoolService pools;

    private NodeSummary node(String name) {
        return as(ADMIN, () -> nodes.create(new NodeDraft(name, name + ".example.com", 8, Units.parseSize("32G"),
                Units.parseSize("1T"), 4, 1, 1)));
    }

    @Test
    void aPoolCountsItsFreeAddressesLeavingOutTheGateway() {
        NodeSummary node = node("node1");

        IpPoolSummary pool = as(ADMIN, () -> pools.create(new IpPoolDraft("lan", node.id(), "10.20.0.0/24",
                "10.20.0.1", "10.20.0.1", "10.20.0.10")));

        assertThat(pool.nodeName()).isEqualTo("node1");
        assertThat(pool.used()).isZero();
        assertThat(pool.free()).isEqualTo(9);
        assertThat(as(ADMIN, () -> pools.freeAddresses(node.id()))).isEqualTo(9);
    }

    @Test
    void addressesOutsideTheNetworkAndAReversedRangeAreRefusedByField() {
        NodeSummary node = node("node1");

        assertThatThrownBy(() -> as(ADMIN, () -> pools.create(new IpPoolDraft("lan", node.id(), "10.20.0.0/24",
                "10.30.0.1", "10.20.0.50", "10.20.0.40"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("gateway", "rangeEnd"));
        assertThatThrownBy(() -> as(ADMIN, () -> pools.create(new IpPoolDraft("lan", node.id(), "10.20.0.5/24",
                "10.20.0.1", "10.20.0.2", "10.20.0.9"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).contains("cidr"));
        assertThat(as(ADMIN, pools::all)).isEmpty();
    }

    @Test
    void overlappingPoolsAreRefused() {
        NodeSummary node = node("node1");
        as(ADMIN, () -> pools.create(new IpPoolDraft("a", node.id(), "10.20.0.0/24", "10.20.0.1", "10.20.0.2",
                "10.20.0.9")));

        assertThatThrownBy(() -> as(ADMIN, () -> pools.create(new IpPoolDraft("b", node.id(), "10.20.0.128/25",
                "10.20.0.129", "10.20.0.130", "10.20.0.140"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Overlaps pool a");
    }

    @Test
    void onlyAdminsManagePools() {
        createReseller("acme");
        NodeSummary node = node("node1");

        assertThatThrownBy(() -> as("acme", () -> pools.create(new IpPoolDraft("lan", node.id(), "10.20.0.0/24",
                "10.20.0.1", "10.20.0.2", "10.20.0.9")))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nodesRefuseImpossibleHardwareAndRatios() {
        assertThatThrownBy(() -> as(ADMIN, () -> nodes.create(new NodeDraft("Bad Name", "not a host!", 0, 0, 0, 0.5,
                1, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("name", "address", "cores",
                                "memory", "disk", "cpuOvercommit"));
    }
}
