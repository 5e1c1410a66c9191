package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.agent.Json;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.AgentProcess;
import org.vpspanel.testing.HostObjects;
import org.vpspanel.testing.MutableClock;
import org.vpspanel.testing.PanelTest;

/**
 * The traffic quota on a real host: a partition with the smallest quota the catalogue allows (1 GiB) and no
 * rate limit sends 1.1 GiB to an iperf3 server in a namespace the test made on the node's bridge (the gateway
 * of its pool); the usage sampler counts it, and the quota throttles it (tc on the host then holds the
 * over-quota rate both ways) or suspends it (stopped on the host). The billing day is reached by moving a
 * clock, not by waiting. Traffic stays on the test's bridge.
 */
class TrafficQuotaOnAgentTest extends PanelTest {

    private static final int SUBNET = 12;
    private static final String GATEWAY = "10.213." + SUBNET + ".1";
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static AgentProcess agent;
    private static String outside;
    private static Process iperfServer;

    @Autowired
    PartitionService partitions;
    @Autowired
    PlanService plans;
    @Autowired
    PartitionRepository partitionRows;
    @Autowired
    PartitionTraffic traffic;
    @Autowired
    UsageSamples samples;
    @Autowired
    PartitionJobs jobs;
    @Autowired
    TransactionTemplate transactions;

    private AccountSummary carol;

    @BeforeAll
    static void startAgentAndTheOutside() throws Exception {
        assumeTrue(Commands.attempt("iperf3", "--version").succeeded(), "traffic tests need iperf3");
        agent = AgentProcess.start();
    }

    /** The gateway of the pool: a namespace on the agent's bridge with an iperf3 server (the bridge exists once a partition does). */
    private static void startOutside() throws Exception {
        if (outside != null) {
            return;
        }
        outside = HostObjects.outsideNamespace(agent.prefix(), GATEWAY + "/24");
        iperfServer = new ProcessBuilder("ip", "netns", "exec", outside, "iperf3", "-s")
                .redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
        Thread.sleep(300);
    }

    @AfterAll
    static void removeEverything() throws Exception {
        if (iperfServer != null) {
            iperfServer.destroy();
            iperfServer.waitFor(5, TimeUnit.SECONDS);
        }
        if (outside != null) {
            Commands.attempt("ip", "netns", "del", outside);
        }
        AgentProcess.closeLeavingNothing(agent);
    }

    @BeforeEach
    void aCustomerAndTheNode() {
        AccountSummary acme = createReseller("acme");
        carol = createCustomer("carol", acme);
        nodeWithAgent(agent, SUBNET);
    }

    /** 1 GiB a month, no rate limit (so that the quota is used up in seconds), throttled to 1Mbit or suspended. */
    private PlanSummary plan(String name, OverQuotaAction action) {
        return as("acme", () -> plans.create(new PlanDraft(name, Resources.defaults()
                .with(ResourceField.MEMORY, Units.parseSize("64M")).with(ResourceField.DISK, Units.parseSize("256M"))
                .with(ResourceField.DISK_INODES, 20_000).with(ResourceField.NET_EGRESS, 0)
                .with(ResourceField.NET_INGRESS, 0).with(ResourceField.MONTHLY_TRAFFIC, Units.parseSize("1G")),
                action, action == OverQuotaAction.THROTTLE ? Units.parseRate("1Mbit") : 0, null)));
    }

    private long runningPartition(String hostname, PlanSummary plan) throws Exception {
        long id = as("acme", () -> partitions.create(new NewPartition(carol.id(), plan.id(), busyboxTemplateId(),
                hostname, null))).id();
        settled(id);
        as("carol", () -> partitions.start(id));
        assertThat(settled(id).state()).isEqualTo(PartitionState.RUNNING);
        startOutside();
        return id;
    }

    private PartitionSummary settled(long partitionId) {
        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> as(ADMIN, () -> partitions.get(partitionId)).activeJob() == null);
        return as(ADMIN, () -> partitions.get(partitionId));
    }

    /** iperf3 from the partition's network namespace to the gateway; its JSON report. */
    private static Map<String, Object> iperf(long partitionId, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec",
                agent.namespaceOf(AgentSpecs.agentId(partitionId)), "iperf3", "-c", GATEWAY, "-J"));
        command.addAll(List.of(args));
        Commands.Result result = Commands.attempt(command, Duration.ofSeconds(60), null);
        assertThat(result.succeeded()).as(result.stdout() + result.stderr()).isTrue();
        Map<String, Object> report = Json.readObject(result.stdout());
        assertThat(report).as(result.stdout()).doesNotContainKey("error");
        return report;
    }

    @SuppressWarnings("unchecked")
    private static double bitsPerSecond(Map<String, Object> report) {
        Map<String, Object> end = (Map<String, Object>) report.get("end");
        return ((Number) ((Map<String, Object>) end.get("sum_received")).get("bits_per_second")).doubleValue();
    }

    /** Sends 1.1 GiB: more than the quota, however the protocol overhead is counted. */
    private static void useUpTheQuota(long partitionId) {
        long started = System.nanoTime();
        double rate = bitsPerSecond(iperf(partitionId, "-n", "1100M"));
        System.out.printf("1.1 GiB sent in %.1f s at %.2f Gbit/s%n", (System.nanoTime() - started) / 1e9, rate / 1e9);
    }

    /** The quota as the panel's own task would run it on the customer's billing day: on a clock moved there. */
    private TrafficQuota onTheBillingDay(long partitionId) {
        Instant periodEnd = as("carol", () -> partitions.traffic(partitionId)).periodEnd();
        return new TrafficQuota(traffic, partitionRows, samples, jobs, accounts, plans, transactions,
                new MutableClock(periodEnd.plusSeconds(1)));
    }

    private JobSummary lastJob(long partitionId) {
        return as(ADMIN, () -> partitions.jobs(partitionId)).getFirst();
    }

    @Test
    void overTheQuotaTheHostShapesThePartitionToTheOverQuotaRateUntilItsBillingDay() throws Exception {
        long id = runningPartition("metered", plan("metered", OverQuotaAction.THROTTLE));
        String onHost = AgentSpecs.agentId(id);
        assertThat(agent.shapedRates(onHost)).containsEntry("ingress", "unlimited").containsEntry("egress", "unlimited");

        useUpTheQuota(id);

        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> lastJobIs(id, JobKind.THROTTLE_TRAFFIC));
        assertThat(agent.shapedRates(onHost)).containsEntry("ingress", "1Mbit").containsEntry("egress", "1Mbit");
        TrafficUsage usage = as("carol", () -> partitions.traffic(id));
        assertThat(usage.usedBytes()).isGreaterThanOrEqualTo(Units.parseSize("1G"));
        assertThat(usage.overQuota()).isEqualTo(OverQuota.THROTTLED);
        assertThat(as("carol", () -> partitions.limitEvents(id, UsageWindow.HOUR)))
                .extracting(LimitEvent::kind).contains(LimitEvent.Kind.TRAFFIC_THROTTLED);
        double sent = bitsPerSecond(iperf(id, "-t", "3"));
        double received = bitsPerSecond(iperf(id, "-t", "3", "-R"));
        System.out.printf("throttled to 1Mbit: %.3f Mbit/s sent, %.3f Mbit/s received%n", sent / 1e6, received / 1e6);
        assertThat(sent).isBetween(0.5e6, 1.2e6);
        assertThat(received).isBetween(0.5e6, 1.2e6);

        onTheBillingDay(id).startEndedPeriods();

        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> lastJobIs(id, JobKind.UNTHROTTLE_TRAFFIC));
        assertThat(agent.shapedRates(onHost)).containsEntry("ingress", "unlimited").containsEntry("egress", "unlimited");
        assertThat(agent.stateOf(onHost)).contains("running");
    }

    @Test
    void overTheQuotaThePartitionIsSuspendedOnTheHostAndStartsAgainOnItsBillingDay() throws Exception {
        long id = runningPartition("cutoff", plan("cutoff", OverQuotaAction.SUSPEND));
        String onHost = AgentSpecs.agentId(id);

        useUpTheQuota(id);

        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> as(ADMIN, () -> partitions.get(id)).state() == PartitionState.SUSPENDED);
        assertThat(agent.stateOf(onHost)).contains("stopped");
        assertThat(lastJob(id).message()).isEqualTo("Suspended: its monthly traffic quota of 1G is used up");
        assertThat(as("carol", () -> partitions.traffic(id)).overQuota()).isEqualTo(OverQuota.SUSPENDED);
        assertThat(as("carol", () -> partitions.limitEvents(id, UsageWindow.HOUR)))
                .extracting(LimitEvent::kind).contains(LimitEvent.Kind.TRAFFIC_SUSPENDED);

        onTheBillingDay(id).startEndedPeriods();

        assertThat(settled(id).state()).isEqualTo(PartitionState.RUNNING);
        assertThat(lastJob(id).kind()).isEqualTo(JobKind.UNSUSPEND);
        assertThat(agent.stateOf(onHost)).contains("running");
    }

    private boolean lastJobIs(long partitionId, JobKind kind) {
        JobSummary job = lastJob(partitionId);
        return job.kind() == kind && job.state() == JobState.SUCCEEDED;
    }
}
