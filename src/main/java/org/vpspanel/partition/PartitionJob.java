package org.vpspanel.partition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

@Entity
@Table(name = "partition_job")
class PartitionJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partition_id", nullable = false)
    private Long partitionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String params;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private String message = "";

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected PartitionJob() {
    }

    PartitionJob(Long partitionId, JobKind kind, String paramsJson, String requestedBy, Instant now) {
        this.partitionId = partitionId;
        this.kind = kind;
        this.params = paramsJson;
        this.state = JobState.QUEUED;
        this.requestedBy = requestedBy;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    Long getPartitionId() {
        return partitionId;
    }

    JobKind getKind() {
        return kind;
    }

    JobState getState() {
        return state;
    }

    int getAttempts() {
        return attempts;
    }

    String getParams() {
        return params;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    void begin(Instant now) {
        state = JobState.RUNNING;
        attempts++;
        if (startedAt == null) {
            startedAt = now;
        }
        message = kind.progress() + "…";
    }

    void waitForRetry(String reason) {
        state = JobState.QUEUED;
        message = reason;
    }

    void finish(JobState outcome, String message, Instant now) {
        this.state = outcome;
        this.message = message;
        this.finishedAt = now;
    }

    JobSummary toSummary() {
        return new JobSummary(id, partitionId, kind, state, attempts, message, requestedBy, createdAt, startedAt,
                finishedAt);
    }
}
