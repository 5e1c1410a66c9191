package org.vpspanel.partition;

import java.time.Duration;

/** How far back a usage graph reaches, and how long each of its points is. */
public enum UsageWindow {
    HOUR(Duration.ofHours(1), Duration.ofSeconds(10)),
    DAY(Duration.ofDays(1), Duration.ofMinutes(10)),
    MONTH(Duration.ofDays(31), Duration.ofHours(6));

    private final Duration span;
    private final Duration step;

    UsageWindow(Duration span, Duration step) {
        this.span = span;
        this.step = step;
    }

    public Duration span() {
        return span;
    }

    public Duration step() {
        return step;
    }
}
