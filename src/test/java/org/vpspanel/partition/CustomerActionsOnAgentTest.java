package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.SshKeyInfo;
import org.vpspanel.account.SshKeyService;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.node.NodeStatus;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.PanelTest;
import org.vpspanel.testing.TestSshKeys;

/**
 * A customer's own settings inside its partition (SSH keys, root password, hostname), each a job that
 * really changes the partition on a real host agent; bad input changes nothing.
 */
class CustomerActionsOnAgentTest extends PanelTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    @Autowired
    PartitionService partitions;
    @Autowired
    PartitionJobRepository jobRecords;
    @Autowired
    SshKeyService sshKeys;

    private PartitionSummary partition;

    @BeforeEach
    void carolsStoppedPartition() {
        AccountSummary acme = createReseller("acme");
        AccountSummary carol = createCustomer("carol", acme);
        createCustomer("dave", acme);
        assertThat(nodeWithAgent(HOST.agent(), 6).status()).isEqualTo(NodeStatus.ONLINE);
        long plan = tinyPlan(ADMIN, "small").id();
        partition = as("acme", () -> partitions.create(new NewPartition(carol.id(), plan, busyboxTemplateId(),
                "old.example.com", null)));
        settled();
    }

    @Test
    void theCustomersChosenKeysRootPasswordAndHostnameReachThePartition() {
        SshKeyInfo laptop = as("carol", () -> sshKeys.add("laptop", TestSshKeys.ed25519("carol@laptop")));
        SshKeyInfo desktop = as("carol", () -> sshKeys.add("desktop", TestSshKeys.ed25519("carol@desktop")));
        SshKeyInfo davesKey = as("dave", () -> sshKeys.add("dave", TestSshKeys.ed25519("dave@home")));
        assertThatThrownBy(() -> as("carol", () -> partitions.installSshKeys(partition.id(), List.of(laptop.id()))))
                .as("the agent writes keys only into a running partition")
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("while it is stopped");
        as("carol", () -> partitions.start(partition.id()));
        assertThat(settled().state()).isEqualTo(PartitionState.RUNNING);

        assertThat(as("carol", () -> partitions.customerSshKeys(partition.id()))).extracting(SshKeyInfo::name)
                .containsExactly("desktop", "laptop");
        as("carol", () -> partitions.installSshKeys(partition.id(), List.of(laptop.id(), desktop.id())));
        assertThat(settled().state()).isEqualTo(PartitionState.RUNNING);
        assertThat(lastJob().message()).isEqualTo("2 SSH keys installed for root");
        assertThat(inside("cat", "/root/.ssh/authorized_keys")).contains(laptop.publicKey(), desktop.publicKey());
        as("acme", () -> partitions.installSshKeys(partition.id(), List.of(desktop.id())));
        settled();
        assertThat(inside("cat", "/root/.ssh/authorized_keys")).isEqualTo(desktop.publicKey() + "\n");

        refused("keys", () -> partitions.installSshKeys(partition.id(), List.of(davesKey.id())));
        refused("password", () -> partitions.setRootPassword(partition.id(), "short"));
        refused("hostname", () -> partitions.changeHostname(partition.id(), "bad_name!"));

        String password = "a new root password";
        as("carol", () -> partitions.setRootPassword(partition.id(), password));
        settled();
        String storedHash = inside("grep", "^root:", "/etc/shadow").split(":")[1];
        assertThat(storedHash).startsWith("$6$").isEqualTo(Sha2Crypt.sha512Crypt(
                password.getBytes(StandardCharsets.UTF_8), storedHash));
        assertThat(jobRecords.findTop20ByPartitionIdOrderByIdDesc(partition.id()).getFirst().getParams())
                .as("the job holds only the hash").doesNotContain(password).contains(storedHash);

        as("carol", () -> partitions.changeHostname(partition.id(), "new.example.com"));
        assertThat(settled().hostname()).isEqualTo("new.example.com");
        assertThat(lastJob().message()).isEqualTo("Hostname changed to new.example.com. Waits for a restart: "
                + "the running partition shows it once restarted.");
        assertThat(inside("hostname").strip()).isEqualTo("old.example.com");
        as("carol", () -> partitions.restart(partition.id()));
        settled();
        assertThat(inside("hostname").strip()).isEqualTo("new.example.com");

        as("acme", () -> partitions.destroy(partition.id()));
        settled();
    }

    /** The action is refused naming the field, with no job queued. */
    private void refused(String field, Runnable action) {
        int jobsBefore = as("carol", () -> partitions.jobs(partition.id())).size();
        assertThatThrownBy(() -> as("carol", () -> {
            action.run();
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field));
        assertThat(as("carol", () -> partitions.jobs(partition.id()))).hasSize(jobsBefore);
        assertThat(as("carol", () -> partitions.get(partition.id())).hostname()).isEqualTo(partition.hostname());
    }

    private String inside(String... args) {
        return HOST.agent().outputInside(AgentSpecs.agentId(partition.id()), args);
    }

    private PartitionSummary settled() {
        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> as(ADMIN, () -> partitions.get(partition.id())).activeJob() == null);
        PartitionSummary now = as(ADMIN, () -> partitions.get(partition.id()));
        assertThat(lastJob().state()).as(lastJob().message()).isEqualTo(JobState.SUCCEEDED);
        return now;
    }

    private JobSummary lastJob() {
        return as(ADMIN, () -> partitions.jobs(partition.id())).getFirst();
    }
}
