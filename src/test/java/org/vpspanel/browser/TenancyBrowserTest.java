package org.vpspanel.browser;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.Selenide;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.vpspanel.account.AccountFilter;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeService;
import org.vpspanel.partition.PartitionFilter;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.partition.PartitionSummary;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.testing.BrowserTest;

/**
 * The three kinds of user, each in its own browser session: the admin sets up a reseller, a node and an IP
 * pool; the reseller makes a plan, a customer and a partition; the customer sees exactly its own partition,
 * and another customer gets "not found" for it. Bad input on the way shows its error and saves nothing.
 */
class TenancyBrowserTest extends BrowserTest {

    @Autowired
    PartitionService partitions;
    @Autowired
    PlanService plans;
    @Autowired
    NodeService nodes;
    @Autowired
    IpPoolService pools;

    @Test
    void adminResellerAndCustomerEachDoTheirPartAndSeeOnlyTheirOwn() {
        logIn(ADMIN, printedAdminPassword());
        adminCreatesResellerNodeAndPool();
        logOut();

        logIn("acme", "acme password 1");
        resellerCreatesPlanCustomerAndPartition();
        resellerIsRefusedInvalidInput();
        logOut();

        logIn("carol", "carol password 1");
        open("/partitions");
        $$("#partitions-grid vaadin-grid-cell-content a").shouldHave(size(1));
        $$("#partitions-grid vaadin-grid-cell-content a").first().shouldHave(exactText("web1.example.com")).click();
        $("#partition-hostname").shouldHave(exactText("web1.example.com"));
        $("#partition-addresses").shouldHave(exactText("10.77.0.10/24"));
        $("#node-not-connected").shouldHave(text("not connected"));
        $("#main-nav vaadin-side-nav-item[path=customers]").shouldNot(com.codeborne.selenide.Condition.exist);
        screenshot("customer-partition");
        String partitionPath = com.codeborne.selenide.WebDriverRunner.url().replaceFirst("^https?://[^/]+", "");
        logOut();

        as("acme", () -> accounts.createCustomer(newAccount("dave"), null, null));
        logIn("dave", PASSWORD);
        open(partitionPath);
        $("#not-found").shouldHave(exactText("Not found"));
        $("#partition-hostname").shouldNot(com.codeborne.selenide.Condition.exist);
        open("/partitions");
        $$("#partitions-grid vaadin-grid-cell-content a").shouldHave(size(0));
    }

    private void adminCreatesResellerNodeAndPool() {
        open("/resellers");
        $("#new-reseller").click();
        fill("reseller-username", "acme");
        fill("reseller-email", "ops@acme.example");
        fill("reseller-password", "acme password 1");
        fill("alloc-partitions", "2");
        fill("alloc-cpus", "4");
        fill("alloc-memory", "1G");
        fill("alloc-disk", "100G");
        fill("alloc-ipv4", "4");
        $("#reseller-save").click();
        notification("Reseller acme created").shouldBe(visible);
        $$("#resellers-grid vaadin-grid-cell-content").findBy(exactText("acme")).shouldBe(visible);
        screenshot("admin-resellers");

        open("/nodes");
        $("#new-node").click();
        fill("node-name", "node1");
        fill("node-address", "node1.example.com");
        fill("node-cores", "4");
        fill("node-memory", "16G");
        fill("node-disk", "500G");
        $("#node-save").click();
        notification("node1").shouldBe(visible);
        $("#node-status-node1").shouldHave(exactText("Not connected"));

        open("/ip-pools");
        $("#new-ip-pool").click();
        fill("ip-pool-name", "lan");
        pick("ip-pool-node", "node1");
        fill("ip-pool-cidr", "10.77.0.0/24");
        fill("ip-pool-gateway", "10.77.0.1");
        fill("ip-pool-range-start", "10.77.0.10");
        fill("ip-pool-range-end", "10.77.0.20");
        $("#ip-pool-save").click();
        notification("lan").shouldBe(visible);
        $$("#ip-pools-grid vaadin-grid-cell-content").findBy(exactText("10.77.0.0/24")).shouldBe(visible);
        screenshot("admin-ip-pools");
        assertThat(as(ADMIN, pools::all)).singleElement().satisfies(pool -> assertThat(pool.free()).isEqualTo(11));
    }

    private void resellerCreatesPlanCustomerAndPartition() {
        open("/plans");
        $("#new-plan").click();
        fill("plan-name", "small");
        fill("plan-memory", "128M");
        fill("plan-disk", "5G");
        screenshot("reseller-plan-form");
        $("#plan-save").click();
        notification("Plan small saved").shouldBe(visible);
        $$("#plans-grid vaadin-grid-cell-content").findBy(exactText("128 MiB")).shouldBe(visible);

        createCustomerInTheBrowser("carol");

        open("/partitions");
        fillPartitionForm("web1.example.com");
        $("#partition-save").click();
        notification("Partition web1.example.com created on node1 with 10.77.0.10/24").shouldBe(visible);
        $$("#partitions-grid vaadin-grid-cell-content a").findBy(exactText("web1.example.com")).shouldBe(visible);
        screenshot("reseller-partitions");
    }

    private void resellerIsRefusedInvalidInput() {
        fillPartitionForm("web 2");
        $("#partition-save").click();
        fieldError("partition-hostname").shouldHave(text("Hostname must not contain spaces"));
        screenshot("invalid-hostname");
        $("#partition-cancel").click();

        open("/plans");
        $("#new-plan").click();
        fill("plan-name", "empty");
        fill("plan-memory", "0");
        $("#plan-save").click();
        fieldError("plan-memory").shouldHave(text("Memory must be between 16M and 4T"));
        $("#plan-cancel").click();

        open("/plans");
        $("#new-plan").click();
        fill("plan-name", "huge");
        fill("plan-memory", "2G");
        $("#plan-save").click();
        notification("Plan huge saved").shouldBe(visible);
        open("/partitions");
        fillPartitionForm("big.example.com", "huge");
        $("#partition-save").click();
        fieldError("partition-plan")
                .shouldHave(text("This would exceed reseller acme's allocation: memory: 2.1 GiB of 1 GiB allowed"));
        screenshot("allocation-exceeded");
        $("#partition-cancel").click();

        assertThat(as("acme", () -> partitions.find(PartitionFilter.none(), Pageable.unpaged())))
                .extracting(PartitionSummary::hostname).containsExactly("web1.example.com");
        assertThat(as("acme", () -> plans.find("", Pageable.unpaged()))).extracting(PlanSummary::name)
                .containsExactlyInAnyOrder("small", "huge");
        assertThat(as("acme", () -> plans.find("small", Pageable.unpaged())).getContent().getFirst().resources()
                .get(ResourceField.MEMORY)).isEqualTo(128L << 20);
        assertThat(as("acme", () -> accounts.findCustomers(AccountFilter.none(), Pageable.unpaged())))
                .extracting(AccountSummary::username).containsExactly("carol");
    }

    private void fillPartitionForm(String hostname) {
        fillPartitionForm(hostname, "small");
    }

    private void fillPartitionForm(String hostname, String plan) {
        $("#new-partition").click();
        pick("partition-customer", "carol");
        choose("partition-plan", plan);
        choose("partition-template", "busybox");
        fill("partition-hostname", hostname);
    }
}
