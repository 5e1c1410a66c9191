package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpspanel.account.AccountSummary;
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
import org.vpspanel.testing.MutableClock;
import org.vpspanel.testing.PanelTest;

/**
 * The traffic quota's accounting and transitions against the real database, on a clock the test moves (in
 * 2030, so that the panel's own once-a-minute period check, on the real clock, never touches these rows).
 * The node has no agent: the jobs the quota asks for are checked as queued, not run.
 */
class TrafficQuotaTest extends PanelTest {

    private static final long GIB = Units.parseSize("1G");
    private static final long MBIT = Units.parseRate("1Mbit");

    @Autowired
    PartitionService partitions;
    @Autowired
    PartitionRepository partitionRows;
    @Autowired
    PartitionTraffic traffic;
    @Autowired
    UsageSamples samples;
    @Autowired
    PartitionJobs jobs;
    @Autowired
    AgentSpecs specs;
    @Autowired
    PlanService plans;
    @Autowired
    NodeService nodes;
    @Autowired
    IpPoolService pools;
    @Autowired
    TransactionTemplate transactions;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-03-15T10:00:00Z"));
    private TrafficQuota quota;
    private AccountSummary carol;
    private long busybox;

    @BeforeEach
    void aCustomerBilledOnThe10thAndANode() {
        quota = new TrafficQuota(traffic, partitionRows, samples, jobs, accounts, plans, transactions, clock);
        AccountSummary acme = createReseller("acme");
        carol = as("acme", () -> accounts.createCustomer(newAccount("carol"), null, 10));
        NodeSummary node = as(ADMIN, () -> nodes.create(new NodeDraft("node1", "node1.example.com", 8,
                Units.parseSize("32G"), Units.parseSize("1T"), 1, 1, 1)));
        as(ADMIN, () -> pools.create(new IpPoolDraft("lan1", node.id(), "10.20.1.0/24", "10.20.1.1", "10.20.1.10",
                "10.20.1.50")));
        busybox = busyboxTemplateId();
        assertThat(acme.id()).isNotNull();
    }

    /** A plan with this monthly traffic quota (0: unlimited), 100Mbit each way, throttled to 1Mbit or suspended. */
    private PlanSummary plan(String name, long quotaBytes, OverQuotaAction action) {
        return as("acme", () -> plans.create(new PlanDraft(name, Resources.defaults()
                .with(ResourceField.MEMORY, Units.parseSize("64M")).with(ResourceField.DISK, Units.parseSize("256M"))
                .with(ResourceField.MONTHLY_TRAFFIC, quotaBytes), action, action == OverQuotaAction.THROTTLE ? MBIT : 0, null)));
    }

    /** A partition of carol's on the plan, running as far as the database knows. */
    private long runningPartition(String hostname, PlanSummary plan) {
        long id = as("acme", () -> partitions.create(new NewPartition(carol.id(), plan.id(), busybox, hostname, null))).id();
        database.jdbc().update("UPDATE partition SET state = 'RUNNING' WHERE id = ?", id);
        return id;
    }

    private void count(long partitionId, long inBytes, long outBytes) {
        Instant now = clock.instant();
        samples.record(partitionId, now, Map.of("netBytesIn", inBytes, "netBytesOut", outBytes));
        quota.count(partitionId, now, new UsageSamples.NetCounters(inBytes, outBytes));
        clock.advance(Duration.ofSeconds(10));
    }

    private TrafficUsage usage(long partitionId) {
        return quota.usage(partitionRows.findById(partitionId).orElseThrow());
    }

    private List<JobSummary> jobsOf(long partitionId) {
        return as(ADMIN, () -> partitions.jobs(partitionId));
    }

    private Map<String, String> rates(long partitionId) {
        @SuppressWarnings("unchecked")
        Map<String, String> resources = (Map<String, String>) specs.specOf(partitionRows.findById(partitionId).orElseThrow())
                .get("resources");
        return Map.of("egress", resources.get("netEgress"), "ingress", resources.get("netIngress"));
    }

    @Test
    void countsBothDirectionsAndARestartedCounterAsNewTrafficInTheCustomersBillingPeriod() {
        long id = runningPartition("web1", plan("metered", GIB, OverQuotaAction.THROTTLE));

        count(id, 100, 50);
        count(id, 300, 80);
        count(id, 40, 10); // the partition restarted: its counters began again at zero

        TrafficUsage usage = usage(id);
        assertThat(usage.usedBytes()).isEqualTo(100 + 50 + (300 - 100) + (80 - 50) + 40 + 10);
        assertThat(usage.quotaBytes()).isEqualTo(GIB);
        assertThat(usage.periodStart()).isEqualTo(Instant.parse("2030-03-10T00:00:00Z"));
        assertThat(usage.periodEnd()).isEqualTo(Instant.parse("2030-04-10T00:00:00Z"));
        assertThat(usage.overQuota()).isNull();
        assertThat(jobsOf(id)).isEmpty();
    }

    @Test
    void aPartitionThatRanBeforeItsTrafficWasCountedIsChargedFromItsLastSampleOn() {
        long id = runningPartition("web1", plan("metered", GIB, OverQuotaAction.THROTTLE));
        samples.record(id, clock.instant().minusSeconds(10), Map.of("netBytesIn", 5_000, "netBytesOut", 7_000));

        count(id, 5_300, 7_100);

        assertThat(usage(id).usedBytes()).isEqualTo(300 + 100);
    }

    @Test
    void atTheQuotaThePartitionIsThrottledOnceAndOnItsBillingDayTheThrottleIsLifted() {
        long id = runningPartition("web1", plan("metered", GIB, OverQuotaAction.THROTTLE));
        Map<String, String> planRates = rates(id);

        count(id, GIB / 2, GIB / 2 - 1);
        assertThat(jobsOf(id)).isEmpty();
        count(id, GIB / 2, GIB / 2);

        assertThat(jobsOf(id)).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(JobKind.THROTTLE_TRAFFIC);
            assertThat(job.requestedBy()).isEqualTo("system");
        });
        assertThat(usage(id).overQuota()).isEqualTo(OverQuota.THROTTLED);
        assertThat(usage(id).throttleRate()).isEqualTo(MBIT);
        assertThat(rates(id)).containsEntry("egress", "1Mbit").containsEntry("ingress", "1Mbit");
        count(id, GIB, GIB);
        assertThat(jobsOf(id)).hasSize(1);
        assertThat(usage(id).usedBytes()).isEqualTo(2 * GIB);

        clock.set(Instant.parse("2030-04-09T23:59:59Z"));
        quota.startEndedPeriods();
        assertThat(usage(id).usedBytes()).isEqualTo(2 * GIB);
        clock.set(Instant.parse("2030-04-10T00:00:00Z"));
        quota.startEndedPeriods();

        assertThat(jobsOf(id).getFirst().kind()).isEqualTo(JobKind.UNTHROTTLE_TRAFFIC);
        TrafficUsage fresh = usage(id);
        assertThat(fresh.usedBytes()).isZero();
        assertThat(fresh.overQuota()).isNull();
        assertThat(fresh.periodStart()).isEqualTo(Instant.parse("2030-04-10T00:00:00Z"));
        assertThat(fresh.periodEnd()).isEqualTo(Instant.parse("2030-05-10T00:00:00Z"));
        assertThat(rates(id)).isEqualTo(planRates);
        count(id, GIB + 10, GIB + 20);
        assertThat(usage(id).usedBytes()).as("counted on from the last sample").isEqualTo(30);
    }

    @Test
    void theThrottleShowsAsALimitEventOnceItsJobHasDoneItOnTheHost() {
        long id = runningPartition("web1", plan("metered", GIB, OverQuotaAction.THROTTLE));
        count(id, GIB, 0);
        assertThat(as("carol", () -> partitions.limitEvents(id, UsageWindow.DAY))).isEmpty();
        // the job's first attempt has found no agent; it waits seconds for the next, so this stands
        await().atMost(Duration.ofSeconds(30)).until(() -> jobsOf(id).getFirst().attempts() >= 1
                && jobsOf(id).getFirst().state() == JobState.QUEUED);

        database.jdbc().update("UPDATE partition_job SET state = 'SUCCEEDED', finished_at = now() WHERE partition_id = ?", id);

        assertThat(as("carol", () -> partitions.limitEvents(id, UsageWindow.DAY))).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(LimitEvent.Kind.TRAFFIC_THROTTLED);
            assertThat(event.amount()).isEqualTo(MBIT);
            assertThat(event.describe()).isEqualTo("Traffic throttled to 1Mbit: the monthly traffic quota was used up");
        });
    }

    @Test
    void atTheQuotaThePartitionIsSuspendedAndOnlyWhatTheQuotaSuspendedIsUnsuspendedOnItsBillingDay() {
        PlanSummary cutoff = plan("cutoff", GIB, OverQuotaAction.SUSPEND);
        long byQuota = runningPartition("web1", cutoff);
        long byReseller = runningPartition("web2", cutoff);

        count(byQuota, GIB, 1);
        count(byReseller, 0, GIB);
        assertThat(List.of(jobsOf(byQuota).getFirst(), jobsOf(byReseller).getFirst())).allSatisfy(job -> {
            assertThat(job.kind()).isEqualTo(JobKind.SUSPEND);
            assertThat(job.state()).isNotEqualTo(JobState.FAILED);
        });
        assertThat(usage(byQuota).overQuota()).isEqualTo(OverQuota.SUSPENDED);
        // the reseller unsuspended web2 and then suspended it for a reason of its own
        for (String kind : List.of("UNSUSPEND", "SUSPEND")) {
            database.jdbc().update("INSERT INTO partition_job (partition_id, kind, state, params, requested_by, created_at) "
                    + "VALUES (?, ?, 'SUCCEEDED', '{}', 'acme', now())", byReseller, kind);
        }

        clock.set(Instant.parse("2030-04-10T00:00:30Z"));
        quota.startEndedPeriods();

        assertThat(jobsOf(byQuota).getFirst().kind()).isEqualTo(JobKind.UNSUSPEND);
        assertThat(jobsOf(byReseller).getFirst().kind()).isEqualTo(JobKind.SUSPEND);
        assertThat(usage(byReseller).usedBytes()).isZero();
        assertThat(usage(byReseller).overQuota()).isNull();
    }

    @Test
    void aPlanWithMoreQuotaThanUsedLiftsTheThrottleAndOneWithLessDoesNot() {
        long id = runningPartition("web1", plan("metered", GIB, OverQuotaAction.THROTTLE));
        count(id, GIB, GIB);
        PlanSummary stillTooSmall = plan("two", 2 * GIB, OverQuotaAction.THROTTLE);
        PlanSummary bigger = plan("ten", 10 * GIB, OverQuotaAction.THROTTLE);

        changePlan(id, stillTooSmall);
        assertThat(jobsOf(id)).hasSize(1);
        changePlan(id, bigger);

        assertThat(jobsOf(id).getFirst().kind()).isEqualTo(JobKind.UNTHROTTLE_TRAFFIC);
        assertThat(usage(id).overQuota()).isNull();
        assertThat(usage(id).usedBytes()).isEqualTo(2 * GIB);
        assertThat(rates(id)).containsEntry("egress", "100Mbit");
    }

    /** What the plan-change job does once the agent has applied the new plan. */
    private void changePlan(long partitionId, PlanSummary plan) {
        transactions.executeWithoutResult(status -> {
            Partition partition = partitionRows.findById(partitionId).orElseThrow();
            partition.changePlan(plan.id(), plan.resources(), clock.instant());
            quota.planChanged(partition);
        });
    }

    @Test
    void anUnlimitedQuotaCountsTrafficButNeverActs() {
        long id = runningPartition("web1", plan("flat", 0, OverQuotaAction.SUSPEND));

        count(id, 50 * GIB, 50 * GIB);

        assertThat(usage(id).unlimited()).isTrue();
        assertThat(usage(id).usedBytes()).isEqualTo(100 * GIB);
        assertThat(jobsOf(id)).isEmpty();
    }

    @Test
    void aMovedBillingDayAppliesFromTheNextPeriod() {
        long id = runningPartition("web1", plan("metered", GIB, OverQuotaAction.THROTTLE));
        count(id, 1, 1);
        as("acme", () -> accounts.changeBillingDay(carol.id(), 20));
        assertThat(usage(id).periodEnd()).isEqualTo(Instant.parse("2030-04-10T00:00:00Z"));

        clock.set(Instant.parse("2030-04-10T00:00:00Z"));
        quota.startEndedPeriods();

        // a short period from the old day to the new one, then whole months from the new day
        assertThat(usage(id).periodStart()).isEqualTo(Instant.parse("2030-04-10T00:00:00Z"));
        assertThat(usage(id).periodEnd()).isEqualTo(Instant.parse("2030-04-20T00:00:00Z"));
        clock.advance(Duration.ofDays(10));
        quota.startEndedPeriods();
        assertThat(usage(id).periodStart()).isEqualTo(Instant.parse("2030-04-20T00:00:00Z"));
        assertThat(usage(id).periodEnd()).isEqualTo(Instant.parse("2030-05-20T00:00:00Z"));
    }
}
