package org.vpspanel.browser;

import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.BillingPeriod;
import org.vpspanel.node.IpPoolDraft;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeDraft;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.partition.NewPartition;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.BrowserTest;

/**
 * The reseller moves a customer's billing day; the customer sees its partition's traffic this billing month
 * against its quota, and that the quota throttled it (the throttled state is written as the quota leaves it,
 * the kernel side is TrafficQuotaOnAgentTest's).
 */
class TrafficQuotaBrowserTest extends BrowserTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Autowired
    PartitionService partitions;
    @Autowired
    PlanService plans;
    @Autowired
    NodeService nodes;
    @Autowired
    IpPoolService pools;

    @Test
    void theResellerMovesTheBillingDayAndTheCustomerSeesItsTrafficAndTheThrottle() {
        AccountSummary acme = createReseller("acme");
        AccountSummary carol = createCustomer("carol", acme);
        NodeSummary node = as(ADMIN, () -> nodes.create(new NodeDraft("node1", "node1.example.com", 8,
                Units.parseSize("32G"), Units.parseSize("1T"), 1, 1, 1)));
        as(ADMIN, () -> pools.create(new IpPoolDraft("lan1", node.id(), "10.20.1.0/24", "10.20.1.1", "10.20.1.10",
                "10.20.1.50")));
        PlanSummary metered = as("acme", () -> plans.create(new PlanDraft("metered", Resources.defaults()
                .with(ResourceField.MONTHLY_TRAFFIC, Units.parseSize("100G")), OverQuotaAction.THROTTLE,
                Units.parseRate("1Mbit"), null)));
        long partitionId = as("acme", () -> partitions.create(new NewPartition(carol.id(), metered.id(),
                busyboxTemplateId(), "web1.example.com", null))).id();

        logIn("acme", PASSWORD);
        open("/customers");
        $("#billing-day-carol").click();
        pick("customer-billing-day", "5");
        $("#billing-day-save").click();
        notification("The billing month of carol now starts on day 5").shouldBe(visible);
        $$("#customers-grid vaadin-grid-cell-content").findBy(exactText("5")).shouldBe(visible);
        screenshot("reseller-billing-day");
        assertThat(accounts.billingDayOf(carol.id())).isEqualTo(5);
        logOut();

        BillingPeriod period = BillingPeriod.containing(Instant.now(), 5);
        database.jdbc().update("INSERT INTO partition_traffic VALUES (?, ?, ?, ?, 0, 0, 'THROTTLED', ?)", partitionId,
                Timestamp.from(period.start()), Timestamp.from(period.end()), Units.parseSize("100G"),
                Units.parseRate("1Mbit"));
        logIn("carol", PASSWORD);
        open("/partitions/" + partitionId);
        $("#partition-traffic-summary").shouldHave(exactText("Traffic this billing month: 100 GiB of 100 GiB (resets on "
                + DAY.format(period.end()) + ")"));
        $("#partition-traffic-state").shouldHave(text("throttled to 1 Mbit/s each way"));
        screenshot("customer-partition-traffic");
    }
}
