package org.vpspanel.partition;

import java.time.Duration;

/** Thrown from a job's execution to have it run again after {@code delay}: not a failure of the job. */
class JobRetry extends RuntimeException {

    private final transient Duration delay;

    JobRetry(String reason, Duration delay) {
        super(reason, null, false, false);
        this.delay = delay;
    }

    Duration delay() {
        return delay;
    }
}
