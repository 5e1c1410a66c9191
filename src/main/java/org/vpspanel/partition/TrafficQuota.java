package org.vpspanel.partition;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.BillingPeriod;
import org.vpspanel.account.SystemActor;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.OverQuotaPolicy;
import org.vpspanel.resources.ResourceField;

/**
 * The monthly traffic quota. Every usage sample adds what a partition received and sent to its running total
 * for its customer's billing period; at the quota, once per period, the plan's action applies as a job:
 * throttle (its rates capped at the plan's over-quota rate) or suspend. When the period ends (on the
 * customer's billing day, checked every minute) the total starts again from zero and what the quota did is
 * undone; so it is when a plan change gives the partition more quota than it has used.
 */
@Configuration(proxyBeanMethods = false)
class TrafficQuota {

    static final Duration PERIOD_CHECK = Duration.ofMinutes(1);
    /** The reason a SUSPEND job carries when the quota asked for it; no other suspension is undone by the quota. */
    static final String SUSPEND_REASON = "trafficQuota";

    private final PartitionTraffic traffic;
    private final PartitionRepository partitions;
    private final UsageSamples samples;
    private final PartitionJobs jobs;
    private final AccountService accounts;
    private final PlanService plans;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TrafficQuota(PartitionTraffic traffic, PartitionRepository partitions, UsageSamples samples, PartitionJobs jobs,
                 AccountService accounts, PlanService plans, TransactionTemplate transactions, Clock clock) {
        this.traffic = traffic;
        this.partitions = partitions;
        this.samples = samples;
        this.jobs = jobs;
        this.accounts = accounts;
        this.plans = plans;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> trafficPeriodTask() {
        return Tasks.recurring("traffic-periods", FixedDelay.of(PERIOD_CHECK))
                .execute((instance, context) -> startEndedPeriods());
    }

    /** Counts the running partition's sample taken at {@code now} and applies the quota if it is now used up. */
    void count(long partitionId, Instant now, UsageSamples.NetCounters counters) {
        transactions.executeWithoutResult(status -> {
            Partition partition = partitions.findById(partitionId).orElseThrow();
            PartitionTraffic.Row row = traffic.lock(partitionId).orElseGet(() -> firstRow(partition, now));
            if (row.endedBy(now)) {
                row = newPeriod(partition, row, now);
            }
            row = row.counted(counters.inBytes(), counters.outBytes());
            long quota = partition.resources().get(ResourceField.MONTHLY_TRAFFIC);
            if (quota > 0 && row.usedBytes() >= quota && row.overQuota() == null
                    && partition.getState() == PartitionState.RUNNING) {
                row = enforce(partition, row, quota);
            }
            traffic.save(row);
        });
    }

    /** Starts a new period for every partition whose period has ended, sampled or not (a stopped one is not). */
    void startEndedPeriods() {
        for (long partitionId : traffic.endedBy(clock.instant())) {
            transactions.executeWithoutResult(status -> traffic.lock(partitionId)
                    .filter(row -> row.endedBy(clock.instant()))
                    .ifPresent(row -> traffic.save(newPeriod(partitions.findById(partitionId).orElseThrow(), row,
                            clock.instant()))));
        }
    }

    /**
     * After the partition's plan changed (in the caller's transaction): lifts what the quota did when the new
     * quota is unlimited or above what the partition has used this period.
     */
    void planChanged(Partition partition) {
        long quota = partition.resources().get(ResourceField.MONTHLY_TRAFFIC);
        traffic.lock(partition.getId())
                .filter(row -> row.overQuota() != null && (quota == 0 || row.usedBytes() < quota))
                .ifPresent(row -> {
                    lift(partition, row, "the new plan's quota is above the traffic used");
                    traffic.save(row.withOverQuota(null, null));
                });
    }

    /** The partition's traffic in its current billing period (a period that has just ended counts as new). */
    TrafficUsage usage(Partition partition) {
        Instant now = clock.instant();
        long quota = partition.resources().get(ResourceField.MONTHLY_TRAFFIC);
        return traffic.find(partition.getId()).filter(row -> !row.endedBy(now))
                .map(row -> new TrafficUsage(row.usedBytes(), quota, row.periodStart(), row.periodEnd(),
                        row.overQuota(), row.throttleRate()))
                .orElseGet(() -> {
                    BillingPeriod period = periodOf(partition, now);
                    return new TrafficUsage(0, quota, period.start(), period.end(), null, null);
                });
    }

    /**
     * A partition's first row, in the period it is in now. Its counters start from its sample before this one,
     * so that a partition that ran before its traffic was counted is not charged for all of it at once; a
     * new one has no sample yet and is counted from zero.
     */
    private PartitionTraffic.Row firstRow(Partition partition, Instant now) {
        BillingPeriod period = periodOf(partition, now);
        UsageSamples.NetCounters last = samples.netCountersBefore(partition.getId(), now)
                .orElse(new UsageSamples.NetCounters(0, 0));
        return new PartitionTraffic.Row(partition.getId(), period.start(), period.end(), 0, last.inBytes(),
                last.outBytes(), null, null);
    }

    /**
     * The period after one that ended. It starts where the old one ended (or later, if the panel was not
     * running then), so that after a change of billing day one shorter or longer period leads to the new day.
     */
    private PartitionTraffic.Row newPeriod(Partition partition, PartitionTraffic.Row ended, Instant now) {
        lift(partition, ended, "a new billing period began");
        BillingPeriod current = periodOf(partition, now);
        Instant start = current.start().isAfter(ended.periodEnd()) ? current.start() : ended.periodEnd();
        return ended.inPeriod(new BillingPeriod(start, current.end()));
    }

    private BillingPeriod periodOf(Partition partition, Instant now) {
        return BillingPeriod.containing(now, accounts.billingDayOf(partition.getCustomerId()));
    }

    private PartitionTraffic.Row enforce(Partition partition, PartitionTraffic.Row row, long quota) {
        OverQuotaPolicy plan = plans.overQuotaPolicy(partition.getPlanId());
        return switch (plan.action()) {
            case THROTTLE -> {
                jobs.enqueue(partition, JobKind.THROTTLE_TRAFFIC, Map.of("rate", plan.rate(),
                        "usedBytes", row.usedBytes(), "quotaBytes", quota), SystemActor.NAME);
                yield row.withOverQuota(OverQuota.THROTTLED, plan.rate());
            }
            case SUSPEND -> {
                jobs.enqueue(partition, JobKind.SUSPEND, Map.of("reason", SUSPEND_REASON,
                        "usedBytes", row.usedBytes(), "quotaBytes", quota), SystemActor.NAME);
                yield row.withOverQuota(OverQuota.SUSPENDED, null);
            }
        };
    }

    /**
     * Undoes what the quota did: lifts the throttle, or unsuspends and starts again a partition the quota
     * suspended (unless its reseller has since unsuspended or suspended it: then it is theirs to decide).
     */
    private void lift(Partition partition, PartitionTraffic.Row row, String reason) {
        if (row.overQuota() == OverQuota.THROTTLED) {
            jobs.enqueue(partition, JobKind.UNTHROTTLE_TRAFFIC, Map.of("reason", reason), SystemActor.NAME);
        } else if (row.overQuota() == OverQuota.SUSPENDED && jobs.lastSuspensionIsFor(partition, SUSPEND_REASON)) {
            jobs.enqueue(partition, JobKind.UNSUSPEND, Map.of("reason", reason, "start", true), SystemActor.NAME);
        }
    }
}
