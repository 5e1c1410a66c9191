package org.vpspanel.partition;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The db-scheduler tasks behind jobs: one execution per job (retried after {@link JobRetry}, revived when
 * the panel instance running it died), and a sweeper that hands over jobs whose hand-over was lost.
 */
@Configuration(proxyBeanMethods = false)
class JobExecution {

    static final String TASK = "partition-job";

    static String instanceId(long jobId) {
        return "job-" + jobId;
    }

    @Bean
    OneTimeTask<Long> partitionJobTask(@Lazy JobRunner runner) {
        FailureHandler<Long> retryWhenAsked = (complete, operations) -> {
            if (complete.getCause().orElse(null) instanceof JobRetry retry) {
                operations.reschedule(complete, Instant.now().plus(retry.delay()));
            } else {
                operations.remove();
            }
        };
        return Tasks.oneTime(TASK, Long.class)
                .onFailure(retryWhenAsked)
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(instance.getData()));
    }

    @Bean
    RecurringTask<Void> jobSweeperTask(PartitionJobRepository jobs, @Lazy PartitionJobs partitionJobs) {
        return Tasks.recurring("partition-job-sweeper", FixedDelay.of(Duration.ofSeconds(30)))
                .execute((instance, context) -> jobs.queuedWithoutExecution().forEach(partitionJobs::schedule));
    }
}
