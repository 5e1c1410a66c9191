package org.vpspanel.node;

import java.time.Duration;
import java.time.Instant;

/** Whether the panel can use a node now. */
public enum NodeStatus {
    /** No agent enrolled: nothing can run there. */
    NOT_ENROLLED,
    /** Its agent answered within {@link #OFFLINE_AFTER}. */
    ONLINE,
    /** Its agent has been silent for longer than {@link #OFFLINE_AFTER}. */
    OFFLINE,
    /** Taken out of placement by an admin while its agent answers; its partitions keep running and can be acted on. */
    MAINTENANCE;

    /** Heartbeats come every 10 s; three missed ones make a node offline, so within 30 s. */
    public static final Duration OFFLINE_AFTER = Duration.ofSeconds(25);

    static NodeStatus of(String agentUrl, boolean maintenance, Instant lastSeen, Instant now) {
        if (agentUrl == null) {
            return NOT_ENROLLED;
        }
        if (lastSeen == null || !lastSeen.isAfter(now.minus(OFFLINE_AFTER))) {
            return OFFLINE;
        }
        return maintenance ? MAINTENANCE : ONLINE;
    }

    /** Whether the node's agent answers, so that its partitions can be acted on (in maintenance too). */
    public boolean answering() {
        return this == ONLINE || this == MAINTENANCE;
    }

    public String label() {
        return switch (this) {
            case NOT_ENROLLED -> "Not connected";
            case ONLINE -> "Online";
            case OFFLINE -> "Offline";
            case MAINTENANCE -> "Maintenance";
        };
    }
}
