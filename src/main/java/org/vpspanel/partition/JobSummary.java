package org.vpspanel.partition;

import java.time.Instant;

/** A job as its requester sees it: what, how far, and why it failed if it did. */
public record JobSummary(Long id, Long partitionId, JobKind kind, JobState state, int attempts, String message,
                         String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
