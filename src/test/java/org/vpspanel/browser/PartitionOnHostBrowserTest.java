package org.vpspanel.browser;

import static com.codeborne.selenide.CollectionCondition.exactTexts;
import static com.codeborne.selenide.Condition.enabled;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.vpspanel.partition.PartitionFilter;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.BrowserTest;

/**
 * A partition that really runs, driven from the browser: the reseller sells it, its customer starts it,
 * uses its console (which follows the browser window's size), watches its usage arrive and stops it; the
 * host agent (not the panel's database) confirms each step.
 */
class PartitionOnHostBrowserTest extends BrowserTest {

    private static final Duration HOST_TIMEOUT = Duration.ofSeconds(90);
    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    @Autowired
    PlanService plans;
    @Autowired
    PartitionService partitions;

    private static final String SCREEN = """
            const buffer = arguments[0].terminal.buffer.active, lines = [];
            for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
            return lines.join('\\n');""";

    /** The consoles' login shells in the partition, and the runc processes on the host that run them. */
    private static List<Long> consoleProcesses(String onHost) {
        String inside = HOST.agent().outputInside(onHost, "sh", "-c",
                "for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline; echo; done | grep -c '^/bin/sh -l' || true");
        long onTheHost = ProcessHandle.allProcesses().map(process -> commandLine(process.pid()))
                .filter(line -> line.startsWith("runc ") && line.contains(" exec --tty " + HOST.agent().prefix() + "-" + onHost + " "))
                .count();
        return List.of(Long.parseLong(inside.strip()), onTheHost);
    }

    /** A host process's arguments joined by spaces, as ps shows them. */
    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static void waitUntilConsoleShows(String text) {
        try {
            Selenide.Wait().withTimeout(HOST_TIMEOUT).until(driver ->
                    Selenide.<String>executeJavaScript(SCREEN, $("#partition-console")).contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the console shows:\n" + Selenide.executeJavaScript(SCREEN, $("#partition-console")), e);
        }
    }

    /** The browser terminal's size as {@code stty size} prints it: rows, then columns. */
    private static String terminalSize() {
        return Selenide.executeJavaScript("return arguments[0].terminal.rows + ' ' + arguments[0].terminal.cols",
                $("#partition-console"));
    }

    @Test
    void theResellerSellsAPartitionItsCustomerStartsWatchesAndStopsItOnTheHost() {
        createReseller("acme");
        nodeWithAgent(HOST.agent(), 8);
        as("acme", () -> plans.create(new PlanDraft("tiny", Resources.defaults()
                .with(ResourceField.MEMORY, Units.parseSize("64M")).with(ResourceField.DISK, Units.parseSize("256M"))
                .with(ResourceField.DISK_INODES, 20_000), OverQuotaAction.SUSPEND, 0, Set.of(busyboxTemplateId()))));

        logIn("acme", PASSWORD);
        createCustomerInTheBrowser("carol");
        open("/partitions");
        $("#new-partition").click();
        pick("partition-customer", "carol");
        choose("partition-plan", "tiny");
        choose("partition-template", "busybox");
        fill("partition-hostname", "web1.example.com");
        $("#partition-save").click();
        notification("Partition web1.example.com created on node1").shouldBe(visible);
        long partitionId = as("acme", () -> partitions.find(PartitionFilter.none(), Pageable.unpaged())).getContent()
                .getFirst().id();
        String onHost = "p" + partitionId;
        $$("#partitions-grid vaadin-grid-cell-content").findBy(exactText("Stopped")).shouldBe(visible, HOST_TIMEOUT);
        assertThat(HOST.agent().stateOf(onHost)).contains("stopped");
        $("#logout").click();

        logIn("carol", "carol password 1");
        open("/partitions/" + partitionId);
        $("#partition-start").shouldBe(enabled, HOST_TIMEOUT).click();
        $("#partition-state").shouldHave(exactText("Running"), HOST_TIMEOUT);
        assertThat(HOST.agent().stateOf(onHost)).contains("running");
        $("#partition-console-open").click();
        $("#partition-console-state").shouldHave(text("Connected"), HOST_TIMEOUT);
        waitUntilConsoleShows("#");
        $("#partition-console .xterm-helper-textarea").sendKeys("hostname\n");
        waitUntilConsoleShows("\nweb1.example.com");
        String size = terminalSize();
        $("#partition-console .xterm-helper-textarea").sendKeys("stty size\n");
        waitUntilConsoleShows("\n" + size + "\n");
        // a narrower window: the terminal fits fewer columns, and the shell's terminal follows it
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(900, 900));
        Selenide.Wait().until(driver -> !terminalSize().equals(size));
        String narrower = terminalSize();
        $("#partition-console .xterm-helper-textarea").sendKeys("stty size\n");
        waitUntilConsoleShows("\n" + narrower + "\n");
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1280, 900));
        screenshot("customer-console");
        assertThat(consoleProcesses(onHost)).as("the console's shell inside, its runc exec on the host")
                .containsExactly(1L, 1L);
        Selenide.refresh(); // the page's WebSocket closes, as when the tab is closed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(consoleProcesses(onHost))
                .as("nothing of the console is left").containsExactly(0L, 0L));
        $("#usage-latest").shouldHave(text("CPU"), Duration.ofSeconds(60));
        screenshot("customer-partition-running");

        $("#partition-stop").click();
        $("#partition-state").shouldHave(exactText("Stopped"), HOST_TIMEOUT);
        assertThat(HOST.agent().stateOf(onHost)).contains("stopped");
        $$("#partition-jobs vaadin-grid-cell-content").findBy(exactText("stop")).shouldBe(visible);
        $("#partition-reinstall").click();
        $("#reinstall-template").shouldHave(text("busybox")).click();
        // the select shows its value in an item of its own, outside the list
        $$("#reinstall-template vaadin-select-list-box vaadin-select-item").shouldHave(exactTexts("busybox"));
        $$("#reinstall-template vaadin-select-list-box vaadin-select-item").findBy(exactText("busybox")).click();
        fill("reinstall-confirmation", "web1.example.com");
        screenshot("customer-reinstall");
        $("#reinstall-cancel").click();
        as("acme", () -> partitions.destroy(partitionId));
    }
}
