package org.vpspanel.partition;

import static com.codeborne.selenide.Condition.empty;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.CollectionCondition.exactTexts;
import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.WebDriverRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.AgentProcess;
import org.vpspanel.testing.BrowserTest;

/**
 * The admin's nodes page (health from a real agent, capacity, maintenance, the link to a node's partitions)
 * and usage dashboard (top consumers from samples recorded as the sampler records them).
 */
class AdminViewsBrowserTest extends BrowserTest {

    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    private static final long MIB = 1L << 20;
    private static final long SECOND = 1_000_000_000L;

    @Autowired
    PartitionService partitions;
    @Autowired
    NodeService nodes;
    @Autowired
    UsageSamples samples;
    @Autowired
    Clock clock;

    @Test
    void theAdminSeesNodeHealthAndCapacityTogglesMaintenanceAndSeesTheTopConsumers() throws Exception {
        AgentProcess agent = HOST.agent();
        NodeSummary node1 = nodeWithAgent(agent, 14);
        NodeSummary node2 = nodeWithoutAgent("node2", 4);
        AccountSummary carol = as(ADMIN, () -> accounts.createCustomer(newAccount("carol"), null, null));
        long plan = tinyPlan(ADMIN, "tiny").id();
        Instant now = clock.instant();
        String[] hostnames = {"web", "db", "mail"};
        for (int i = 1; i <= hostnames.length; i++) {
            String hostname = hostnames[i - 1];
            PartitionSummary partition = as(ADMIN, () -> partitions.create(new NewPartition(carol.id(), plan,
                    busyboxTemplateId(), hostname, node2.id())));
            // node2 has no agent, so nothing builds or runs them: these samples are all they use
            database.jdbc().update("UPDATE partition SET state = 'RUNNING' WHERE id = ?", partition.id());
            // i × 600 s of CPU and i × 40 MiB of memory; (4 - i) × 30 MiB in and 1 MiB out (the first sample counts whole)
            for (int minutes = 30; minutes >= 10; minutes -= 10) {
                samples.record(partition.id(), now.minus(Duration.ofMinutes(minutes)), Map.of(
                        "cpuNanos", i * 600 * SECOND * (30 - minutes) / 20, "memoryBytes", i * 40 * MIB,
                        "netBytesIn", (4 - i) * (40 - minutes) * MIB, "netBytesOut", MIB));
            }
        }

        logIn(ADMIN, printedAdminPassword());
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1600, 900)); // the whole grid
        open("/nodes");
        $("#node-status-node1").shouldHave(exactText("Online"));
        $("#node-status-node2").shouldHave(exactText("Not connected"));
        cell("development", System.getProperty("os.version") + " · cgroup v1");
        cell("0 of 8", "8 free");
        cell("0 used", "11 free");
        cell("3 of 32", "29 free");
        cell("192 MiB of 32 GiB", "31.8 GiB free");
        cell("3 used", "188 free");
        $("#node-partitions-node2").shouldHave(exactText("3"));
        $("#node-partitions-node1").shouldHave(exactText("0"));
        screenshot("admin-nodes");

        $("#maintenance-node-node1").click();
        $$("p").findBy(text("gets no new partitions")).shouldBe(visible);
        screenshot("admin-node-maintenance");
        $("#confirm-action").click();
        notification("Node node1 is in maintenance").shouldBe(visible);
        $("#node-status-node1").shouldHave(exactText("Maintenance"));
        assertThat(as(ADMIN, () -> nodes.get(node1.id())).maintenance()).isTrue();

        $("#node-partitions-node2").click();
        $("#partitions-node-filter").shouldHave(text("node2"));
        $$("#partitions-grid vaadin-grid-cell-content a").shouldHave(size(3));

        open("/usage");
        $$("#top-cpu vaadin-grid-cell-content a").shouldHave(exactTexts("mail", "db", "web"));
        $$("#top-memory vaadin-grid-cell-content a").shouldHave(exactTexts("mail", "db", "web"));
        $$("#top-traffic vaadin-grid-cell-content a").shouldHave(exactTexts("web", "db", "mail"));
        $$("#top-cpu vaadin-grid-cell-content").findBy(exactText("50.0%")).shouldBe(visible);
        $$("#top-memory vaadin-grid-cell-content").findBy(exactText("120 MiB")).shouldBe(visible);
        $$("#top-traffic vaadin-grid-cell-content").findBy(exactText("91 MiB")).shouldBe(visible);
        $$("#node-usage vaadin-grid-cell-content").exclude(empty).shouldHave(exactTexts("Node", "Running partitions",
                "CPU, last hour", "Memory now", "Traffic, 30 days", "node1", "0", "0.0%", "0 B", "0 B",
                "node2", "3", "100.0%", "240 MiB", "183 MiB"));
        screenshot("admin-usage");

        $$("#top-traffic vaadin-grid-cell-content a").findBy(exactText("db")).click();
        $("#partition-hostname").shouldHave(exactText("db"));
    }

    /** A cell of the nodes grid with a figure and what is below it. */
    private static void cell(String figure, String below) {
        $$("#nodes-grid vaadin-grid-cell-content").findBy(text(figure)).shouldHave(text(below));
    }
}
