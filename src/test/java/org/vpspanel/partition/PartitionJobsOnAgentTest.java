package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeStatus;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.template.TemplateService;
import org.vpspanel.template.TemplateSummary;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.PanelTest;

/**
 * The panel driving a real host agent (its own process, as root, on this kernel): every host operation is a
 * job that really happens on the host, the panel's view follows the host, and a job survives its agent
 * being killed.
 */
class PartitionJobsOnAgentTest extends PanelTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    @Autowired
    PartitionService partitions;
    @Autowired
    IpPoolService pools;
    @Autowired
    PlanService plans;
    @Autowired
    TemplateService templates;

    private AccountSummary carol;
    private PlanSummary small;
    private long busybox;

    @BeforeEach
    void aCustomerAndANodeWithTheAgent() {
        AccountSummary acme = createReseller("acme");
        carol = createCustomer("carol", acme);
        assertThat(nodeWithAgent(HOST.agent(), 7).status()).isEqualTo(NodeStatus.ONLINE);
        small = as(ADMIN, () -> plans.create(plan("small", "64M")));
        busybox = as(ADMIN, templates::all).stream().filter(t -> t.name().equals("busybox")).findFirst().orElseThrow().id();
    }

    private static PlanDraft plan(String name, String memory) {
        return new PlanDraft(name, Resources.defaults().with(ResourceField.MEMORY, Units.parseSize(memory))
                .with(ResourceField.DISK, Units.parseSize("256M")).with(ResourceField.DISK_INODES, 20_000),
                OverQuotaAction.SUSPEND, 0, null);
    }

    private PartitionSummary create(String hostname) {
        return as("acme", () -> partitions.create(new NewPartition(carol.id(), small.id(), busybox, hostname, null)));
    }

    /** Waits until the partition has no job under way, then returns it. */
    private PartitionSummary settled(long partitionId) {
        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> as(ADMIN, () -> partitions.get(partitionId)).activeJob() == null);
        return as(ADMIN, () -> partitions.get(partitionId));
    }

    private JobSummary lastJob(long partitionId) {
        return as(ADMIN, () -> partitions.jobs(partitionId)).getFirst();
    }

    @Test
    void createStartStopAndDestroyReallyHappenOnTheHost() {
        PartitionSummary partition = create("life.example.com");
        String onHost = AgentSpecs.agentId(partition.id());

        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.STOPPED);
        assertThat(lastJob(partition.id())).satisfies(job -> {
            assertThat(job.kind()).isEqualTo(JobKind.CREATE);
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        });
        assertThat(HOST.agent().stateOf(onHost)).contains("stopped");

        as("carol", () -> partitions.start(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.RUNNING);
        assertThat(HOST.agent().stateOf(onHost)).contains("running");
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !as("carol", () -> partitions.usage(partition.id(), UsageWindow.HOUR)).isEmpty());
        assertThat(as("carol", () -> partitions.usage(partition.id(), UsageWindow.HOUR)).getLast()).satisfies(usage -> {
            assertThat(usage.memoryBytes()).isPositive().isLessThanOrEqualTo(64L << 20);
            assertThat(usage.processes()).isPositive();
            assertThat(usage.diskTotalBytes()).isPositive();
            assertThat(usage.cpuPercent()).isBetween(0.0, 200.0);
        });

        as("carol", () -> partitions.stop(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.STOPPED);
        assertThat(HOST.agent().stateOf(onHost)).contains("stopped");

        as("acme", () -> partitions.destroy(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.DESTROYED);
        assertThat(HOST.agent().stateOf(onHost)).isEmpty();
        assertThat(as(ADMIN, pools::all).getFirst().used()).isZero();
    }

    @Test
    void aPlanChangeRaisesMemoryOnTheRunningPartitionAndTheCgroupHoldsIt() throws Exception {
        PartitionSummary partition = create("grow.example.com");
        settled(partition.id());
        as("carol", () -> partitions.start(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.RUNNING);
        String onHost = AgentSpecs.agentId(partition.id());
        assertThat(HOST.agent().cgroupFile("memory", onHost, "memory.limit_in_bytes")).isEqualTo(Long.toString(64L << 20));
        PlanSummary bigger = as("acme", () -> plans.create(plan("bigger", "128M")));

        as("acme", () -> partitions.changePlan(partition.id(), bigger.id()));

        PartitionSummary changed = settled(partition.id());
        assertThat(lastJob(partition.id())).satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.message()).isEqualTo("Plan changed. Applied live: Memory. Nothing waits for a restart.");
        });
        assertThat(changed.state()).isEqualTo(PartitionState.RUNNING);
        assertThat(changed.planName()).isEqualTo("bigger");
        assertThat(changed.resources().get(ResourceField.MEMORY)).isEqualTo(128L << 20);
        assertThat(HOST.agent().cgroupFile("memory", onHost, "memory.limit_in_bytes")).isEqualTo(Long.toString(128L << 20));
        as("acme", () -> partitions.destroy(partition.id()));
        settled(partition.id());
    }

    @Test
    void aPartitionKeepsATemplateItsNewPlanDropsUntilItIsReinstalledFromOneThePlanOffers() {
        PartitionSummary partition = create("keep.example.com");
        settled(partition.id());
        TemplateSummary mini = as(ADMIN, () -> templates.create("busybox-mini", "busybox"));
        PlanSummary miniOnly = as("acme", () -> plans.create(plan("mini-only", "64M")
                .withTemplates(java.util.Set.of(mini.id()))));

        as("acme", () -> partitions.changePlan(partition.id(), miniOnly.id()));
        assertThat(settled(partition.id()).templateName()).as("kept until reinstalled").isEqualTo("busybox");
        assertThat(lastJob(partition.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(as("carol", () -> partitions.reinstallTemplates(partition.id()))).containsExactly(mini);
        for (Long refused : java.util.Arrays.asList(null, busybox)) {
            assertThatThrownBy(() -> as("carol", () -> partitions.reinstall(partition.id(), refused)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("template"));
        }
        assertThat(lastJob(partition.id()).kind()).as("a refusal queues nothing").isEqualTo(JobKind.CHANGE_PLAN);

        as("carol", () -> partitions.reinstall(partition.id(), mini.id()));

        PartitionSummary reinstalled = settled(partition.id());
        assertThat(lastJob(partition.id())).satisfies(job -> {
            assertThat(job.kind()).isEqualTo(JobKind.REINSTALL);
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.message()).isEqualTo("Reinstalled from busybox-mini; addresses kept");
        });
        assertThat(reinstalled.templateName()).isEqualTo("busybox-mini");
        assertThat(reinstalled.addresses()).isEqualTo(partition.addresses());
        as("acme", () -> partitions.destroy(partition.id()));
        settled(partition.id());
    }

    @Test
    void anOutOfMemoryKillInsideShowsAsALimitEvent() {
        PartitionSummary partition = create("hog.example.com");
        settled(partition.id());
        as("carol", () -> partitions.start(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.RUNNING);
        assertThat(as("carol", () -> partitions.limitEvents(partition.id(), UsageWindow.HOUR))).isEmpty();

        var hog = HOST.agent().send("POST", AgentSpecs.path(partition.id()) + "/exec", Map.of("args", java.util.List.of("sh",
                "-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived ${#x}"), "timeoutSeconds", 60));
        assertThat(hog.body()).doesNotContain("survived");

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !as("carol", () -> partitions.limitEvents(partition.id(), UsageWindow.HOUR)).isEmpty());
        assertThat(as("carol", () -> partitions.limitEvents(partition.id(), UsageWindow.HOUR)))
                .anySatisfy(event -> {
                    assertThat(event.kind()).isEqualTo(LimitEvent.Kind.OUT_OF_MEMORY);
                    assertThat(event.amount()).isPositive();
                    assertThat(event.describe()).endsWith("killed: the partition was out of memory");
                });
        as("acme", () -> partitions.destroy(partition.id()));
        settled(partition.id());
    }

    @Test
    void aPartitionStoppedBehindThePanelsBackShowsStoppedWithin30Seconds() {
        PartitionSummary partition = create("behind.example.com");
        settled(partition.id());
        as("carol", () -> partitions.start(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.RUNNING);

        assertThat(HOST.agent().send("POST", AgentSpecs.path(partition.id()) + "/stop", Map.of("timeoutSeconds", 5)).ok())
                .isTrue();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as("carol", () -> partitions.get(partition.id())).state() == PartitionState.STOPPED);
        as("acme", () -> partitions.destroy(partition.id()));
        settled(partition.id());
    }

    @Test
    void aCreateJobWhoseAgentIsKilledMidwayIsRetriedAndCompletesOnceTheAgentIsBack() throws Exception {
        PartitionSummary partition = create("crash.example.com");
        String onHost = AgentSpecs.agentId(partition.id());
        Path partitionDir = Path.of("/tmp", HOST.agent().prefix(), "partitions", onHost);
        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> Files.exists(partitionDir));

        HOST.agent().kill();
        assertThat(lastJob(partition.id()).state()).as("the agent was killed while it created the partition")
                .isIn(JobState.RUNNING, JobState.QUEUED);
        await().atMost(JOB_TIMEOUT).until(() -> lastJob(partition.id()).message().startsWith("Waiting for the node's agent"));
        HOST.agent().launch();

        PartitionSummary done = settled(partition.id());
        assertThat(done.state()).isEqualTo(PartitionState.STOPPED);
        assertThat(lastJob(partition.id())).satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.attempts()).isGreaterThan(1);
        });
        assertThat(HOST.agent().stateOf(onHost)).contains("stopped");
        as("carol", () -> partitions.start(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.RUNNING);
        as("acme", () -> partitions.destroy(partition.id()));
        assertThat(settled(partition.id()).state()).isEqualTo(PartitionState.DESTROYED);
        assertThat(HOST.agent().leftovers()).as("nothing is left half made").isEmpty();
    }
}
