package org.vpspanel.api;

import java.time.Instant;
import java.util.Locale;
import org.vpspanel.partition.JobSummary;

/** A job on a partition: what (start, stop, ...), how far (queued, running, succeeded, failed) and the result. */
record JobResponse(Long id, Long partitionId, String kind, String state, int attempts, String message,
                   String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    static JobResponse of(JobSummary job) {
        return new JobResponse(job.id(), job.partitionId(), job.kind().name().toLowerCase(Locale.ROOT),
                job.state().name().toLowerCase(Locale.ROOT), job.attempts(), job.message(), job.requestedBy(),
                job.createdAt(), job.startedAt(), job.finishedAt());
    }
}
