package org.vpspanel.browser;

import static com.codeborne.selenide.Condition.enabled;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.SshKeyInfo;
import org.vpspanel.account.SshKeyService;
import org.vpspanel.partition.NewPartition;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.BrowserTest;
import org.vpspanel.testing.TestSshKeys;

/** A customer sets root's SSH keys, root's password and the hostname of its running partition from its page. */
class PartitionSettingsBrowserTest extends BrowserTest {

    private static final Duration HOST_TIMEOUT = Duration.ofSeconds(90);
    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    @Autowired
    PartitionService partitions;
    @Autowired
    SshKeyService sshKeys;

    @Test
    void aCustomerChoosesKeysSetsThePasswordAndRenamesItsPartition() {
        AccountSummary carol = createCustomer("carol", createReseller("acme"));
        nodeWithAgent(HOST.agent(), 6);
        long plan = tinyPlan("acme", "tiny").id();
        long partitionId = as("acme", () -> partitions.create(new NewPartition(carol.id(), plan, busyboxTemplateId(),
                "web1.example.com", null))).id();
        SshKeyInfo laptop = as("carol", () -> sshKeys.add("laptop", TestSshKeys.ed25519("carol@laptop")));
        as("carol", () -> sshKeys.add("desktop", TestSshKeys.ed25519("carol@desktop")));

        logIn("carol", PASSWORD);
        open("/partitions/" + partitionId);
        $("#partition-start").shouldBe(enabled, HOST_TIMEOUT).click();
        $("#partition-ssh-keys").shouldBe(enabled, HOST_TIMEOUT).click();
        $("#ssh-key-" + laptop.id()).click();
        $("#ssh-keys-save").click();
        awaitJobEnding(partitionId, "1 SSH key installed for root");
        assertThat(HOST.agent().outputInside("p" + partitionId, "cat", "/root/.ssh/authorized_keys")).isEqualTo(laptop.publicKey() + "\n");

        $("#partition-root-password").shouldBe(enabled, HOST_TIMEOUT).click();
        fill("root-password-value", "a new root password");
        fill("root-password-confirmation", "another password");
        $("#root-password-save").click();
        fieldError("root-password-confirmation").shouldHave(exactText("The two passwords differ"));
        fill("root-password-confirmation", "a new root password");
        $("#root-password-save").click();
        awaitJobEnding(partitionId, "Root password set");
        $("#partition-hostname-change").shouldBe(enabled, HOST_TIMEOUT).click();

        fill("hostname-value", "bad_name");
        $("#hostname-save").click();
        fieldError("hostname-value").shouldHave(text("is not valid"));
        fill("hostname-value", "web2.example.com");
        $("#hostname-save").click();
        $("#partition-hostname").shouldHave(exactText("web2.example.com"), HOST_TIMEOUT);
        awaitJobEnding(partitionId, "Hostname changed to web2.example.com. Waits for a restart: the running "
                + "partition shows it once restarted.");
        screenshot("customer-partition-settings");
        as("acme", () -> partitions.destroy(partitionId));
        await().atMost(HOST_TIMEOUT).until(() -> as("acme", () -> partitions.get(partitionId)).activeJob() == null);
    }

    /** Waits until the partition's latest job has ended with the message (a failure's message differs). */
    private void awaitJobEnding(long partitionId, String message) {
        await().atMost(HOST_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(as("carol", () -> partitions.jobs(partitionId)).getFirst().message()).isEqualTo(message));
    }

}
