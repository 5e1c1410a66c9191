package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Allocation;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.node.IpPoolDraft;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeDraft;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.template.TemplateService;
import org.vpspanel.testing.PanelTest;

class PartitionServiceTest extends PanelTest {

    @Autowired
    PartitionService partitions;
    @Autowired
    PlanService plans;
    @Autowired
    NodeService nodes;
    @Autowired
    IpPoolService pools;
    @Autowired
    TemplateService templates;

    private AccountSummary acme;
    private AccountSummary carol;
    private NodeSummary node1;
    private PlanSummary small;
    private long busybox;

    @BeforeEach
    void aResellerWithACustomerAndANodeWithAPool() {
        acme = createReseller("acme");
        carol = createCustomer("carol", acme);
        node1 = node("node1", 4, "16G");
        pool("lan1", node1, "10.20.1.0/24", "10.20.1.10", "10.20.1.19");
        small = as(ADMIN, () -> plans.create(plan("small", "2G", 1)));
        busybox = as(ADMIN, templates::all).stream().filter(t -> t.name().equals("busybox")).findFirst()
                .orElseThrow().id();
    }

    private NodeSummary node(String name, int cores, String memory) {
        return as(ADMIN, () -> nodes.create(new NodeDraft(name, name + ".example.com", cores,
                Units.parseSize(memory), Units.parseSize("1T"), 1, 1, 1)));
    }

    private void pool(String name, NodeSummary node, String cidr, String start, String end) {
        as(ADMIN, () -> pools.create(new IpPoolDraft(name, node.id(), cidr, cidr.replaceAll("\\.0/.*", ".1"), start,
                end)));
    }

    private static PlanDraft plan(String name, String memory, int ipv4) {
        Resources resources = Resources.defaults().with(ResourceField.MEMORY, Units.parseSize(memory))
                .with(ResourceField.IPV4_ADDRESSES, ipv4).with(ResourceField.DISK, Units.parseSize("10G"));
        return new PlanDraft(name, resources, OverQuotaAction.SUSPEND, 0, null);
    }

    private PartitionSummary sell(String seller, String hostname, PlanSummary plan) {
        return as(seller, () -> partitions.create(new NewPartition(carol.id(), plan.id(), busybox, hostname, null)));
    }

    @Test
    void aResellerSellsAPartitionThatGetsThePlansResourcesAndAnAddressFromThePool() {
        PartitionSummary partition = sell("acme", "web1.example.com", small);

        assertThat(partition.state()).isEqualTo(PartitionState.CREATING);
        assertThat(partition.nodeName()).isEqualTo("node1");
        assertThat(partition.nodeConnected()).isFalse();
        assertThat(partition.addresses()).containsExactly("10.20.1.10/24");
        assertThat(partition.resources()).isEqualTo(small.resources());
        assertThat(partition.customerName()).isEqualTo("carol");
        assertThat(partition.templateName()).isEqualTo("busybox");
        assertThat(sell("acme", "web2", small).addresses()).containsExactly("10.20.1.11/24");
    }

    @Test
    void theCustomerSeesExactlyItsOwnPartitionAndAnotherCustomerFindsNothing() {
        PartitionSummary mine = sell("acme", "web1", small);
        AccountSummary dave = createCustomer("dave", acme);

        assertThat(as("carol", () -> partitions.find(PartitionFilter.none(), Pageable.unpaged())))
                .extracting(PartitionSummary::hostname).containsExactly("web1");
        assertThat(as("dave", () -> partitions.count(PartitionFilter.none()))).isZero();
        assertThatThrownBy(() -> as(dave.username(), () -> partitions.get(mine.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("Partition " + mine.id() + " not found");
    }

    @Test
    void aConsoleOpensOnlyForWhoMaySeeThePartitionAndOnlyWhileItRuns() {
        PartitionSummary mine = sell("acme", "web1", small);
        createCustomer("dave", acme);

        assertThatThrownBy(() -> as("dave", () -> partitions.openConsole(mine.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("carol", () -> partitions.openConsole(mine.id())))
                .isInstanceOf(InvalidInputException.class).hasMessage("web1 is not running");
    }

    @Test
    void anotherResellerNeitherSeesNorSellsToThisResellersCustomer() {
        PartitionSummary partition = sell("acme", "web1", small);
        createReseller("globex");

        assertThat(as("globex", () -> partitions.count(PartitionFilter.none()))).isZero();
        assertThatThrownBy(() -> as("globex", () -> partitions.get(partition.id())))
                .isInstanceOf(NotFoundException.class);
        signIn("globex");
        assertThatThrownBy(() -> partitions.destroy(partition.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sell("globex", "web2", small)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPartitionIsMadeOnlyFromATemplateItsPlanOffersAndARefusalSavesNothing() {
        long debian = as(ADMIN, templates::all).stream().filter(t -> t.name().equals("debian-12")).findFirst()
                .orElseThrow().id();
        PlanSummary debianOnly = as(ADMIN, () -> plans.create(plan("debian-only", "2G", 1).withTemplates(
                java.util.Set.of(debian))));

        assertThatThrownBy(() -> sell("acme", "web1", debianOnly))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("template",
                                "Plan 'debian-only' does not offer template 'busybox'; choose one of debian-12")));
        assertThat(as(ADMIN, () -> partitions.count(PartitionFilter.none()))).isZero();
        assertThat(as(ADMIN, pools::all).getFirst().used()).isZero();
        assertThat(as("acme", () -> partitions.create(new NewPartition(carol.id(), debianOnly.id(), debian, "web1",
                null))).templateName()).isEqualTo("debian-12");
    }

    @Test
    void customersCannotSellPartitions() {
        assertThatThrownBy(() -> sell("carol", "web1", small)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aHostnameWithASpaceIsRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> sell("acme", "web 1", small))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("hostname", "Hostname must not contain spaces")));
        assertThat(as(ADMIN, () -> partitions.count(PartitionFilter.none()))).isZero();
    }

    @Test
    void exceedingTheResellersAllocationIsRefusedWithWhatWouldBeUsedAndNothingIsSaved() {
        as(ADMIN, () -> accounts.updateAllocation(acme.id(), new Allocation(10, 20, Units.parseSize("3G"),
                Units.parseSize("1T"), 16)));
        sell("acme", "web1", small);

        assertThatThrownBy(() -> sell("acme", "web2", small))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("This would exceed reseller acme's allocation: memory: 4 GiB of 3 GiB allowed");
        assertThat(as(ADMIN, () -> partitions.count(PartitionFilter.none()))).isEqualTo(1);
        assertThat(as(ADMIN, pools::all).getFirst().used()).isEqualTo(1);
    }

    @Test
    void anAllocationCannotBeLoweredBelowWhatTheCustomersHold() {
        sell("acme", "web1", small);
        sell("acme", "web2", small);

        assertThatThrownBy(() -> as(ADMIN, () -> accounts.updateAllocation(acme.id(),
                new Allocation(1, 20, Units.parseSize("64G"), Units.parseSize("1T"), 16))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("partitions: 2 of 1 allowed");
    }

    @Test
    void aFullNodeRefusesAndAutomaticPlacementPicksANodeWithRoom() {
        PlanSummary big = as(ADMIN, () -> plans.create(plan("big", "12G", 1)));
        sell("acme", "big1", big);

        assertThatThrownBy(() -> as(ADMIN, () -> partitions.create(new NewPartition(carol.id(), big.id(), busybox,
                "big2", node1.id())))).isInstanceOf(InvalidInputException.class)
                .hasMessage("Node node1 has no room: memory: 24 GiB of 16 GiB allowed");
        assertThatThrownBy(() -> sell("acme", "big2", big)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No node has room");

        NodeSummary node2 = node("node2", 4, "16G");
        pool("lan2", node2, "10.20.2.0/24", "10.20.2.10", "10.20.2.19");
        PartitionSummary placed = sell("acme", "big2", big);
        assertThat(placed.nodeName()).isEqualTo("node2");
        assertThat(placed.addresses()).containsExactly("10.20.2.10/24");
    }

    @Test
    void tooFewFreeAddressesIsRefusedAndNoAddressIsTaken() {
        PlanSummary many = as(ADMIN, () -> plans.create(plan("many", "1G", 11)));

        assertThatThrownBy(() -> as(ADMIN, () -> partitions.create(new NewPartition(carol.id(), many.id(), busybox,
                "wide", node1.id())))).isInstanceOf(InvalidInputException.class)
                .hasMessage("The node's IP pools have only 10 free addresses; 11 are needed");
        assertThat(as(ADMIN, pools::all).getFirst().used()).isZero();
        assertThat(as(ADMIN, () -> partitions.count(PartitionFilter.none()))).isZero();
    }

    @Test
    void aPlanOfAnotherResellerCannotBeSoldToThisResellersCustomer() {
        createReseller("globex");
        PlanSummary globexPlan = as("globex", () -> plans.create(plan("globex-plan", "1G", 1)));

        assertThatThrownBy(() -> as(ADMIN, () -> partitions.create(new NewPartition(carol.id(), globexPlan.id(),
                busybox, "web1", null)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("belongs to another reseller");
    }

    @Test
    void destroyingReturnsTheAddressesAndHidesThePartitionFromTheDefaultList() {
        PartitionSummary partition = sell("acme", "web1", small);

        as("acme", () -> {
            partitions.destroy(partition.id());
            return null;
        });

        assertThat(as(ADMIN, pools::all).getFirst().used()).isZero();
        assertThat(as("acme", () -> partitions.count(PartitionFilter.none()))).isZero();
        assertThat(as("acme", () -> partitions.get(partition.id())).state()).isEqualTo(PartitionState.DESTROYED);
        assertThat(sell("acme", "web2", small).addresses()).containsExactly("10.20.1.10/24");
        assertThat(database.jdbc().queryForList("SELECT action FROM audit_event WHERE object_type = 'partition'"
                + " ORDER BY id", String.class)).containsExactly("partition.create", "partition.destroy",
                "partition.create");
    }
}
