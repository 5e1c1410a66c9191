package org.vpspanel.partition;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues jobs. A job is a row in the caller's transaction; its execution is handed to db-scheduler once that
 * transaction has committed (a job whose hand-over was lost, say by a crash in between, is handed over by
 * the sweeper in {@link JobExecution}).
 */
@Component
class PartitionJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PartitionJobRepository jobs;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> jobTask;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartitionJobs(PartitionJobRepository jobs, @Lazy SchedulerClient scheduler, OneTimeTask<Long> partitionJobTask,
                  AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.jobTask = partitionJobTask;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    JobSummary enqueue(Partition partition, JobKind kind, Map<String, Object> params, String requestedBy) {
        PartitionJob job = jobs.save(new PartitionJob(partition.getId(), kind, JSON.writeValueAsString(params),
                requestedBy, clock.instant()));
        audit.record("job." + kind.name().toLowerCase(), "partition", partition.getId(),
                partition.getHostname() + ": job " + job.getId());
        long jobId = job.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                schedule(jobId);
                events.publishEvent(new PartitionChanged(partition.getId()));
            }
        });
        return job.toSummary();
    }

    /** Refuses a new job while the partition has one that is not done, so that requests do not pile up. */
    void requireIdle(Partition partition) {
        if (jobs.hasUnfinished(partition.getId())) {
            throw new InvalidInputException("partition", partition.getHostname() + " is busy with another job; "
                    + "try again when it has finished");
        }
    }

    /** Whether the partition is (or is about to be) suspended for this reason, not since unsuspended. */
    boolean lastSuspensionIsFor(Partition partition, String reason) {
        return jobs.lastSuspensionIsFor(partition.getId(), reason);
    }

    void schedule(long jobId) {
        scheduler.scheduleIfNotExists(jobTask.instance(JobExecution.instanceId(jobId), jobId), clock.instant());
    }

    List<JobSummary> recent(long partitionId) {
        return jobs.findTop20ByPartitionIdOrderByIdDesc(partitionId).stream().map(PartitionJob::toSummary).toList();
    }
}
