package org.vpspanel.partition;

import java.util.EnumSet;
import java.util.Set;

/** Where a partition is in its life, and which states it may move to from each. */
public enum PartitionState {
    /** Recorded and waiting for its node's agent to build it. */
    CREATING,
    STOPPED,
    RUNNING,
    /** Stopped by its reseller or admin; its customer cannot start it. */
    SUSPENDED,
    MIGRATING,
    FAILED,
    DESTROYED;

    private Set<PartitionState> next() {
        return switch (this) {
            case CREATING -> EnumSet.of(STOPPED, RUNNING, FAILED, DESTROYED);
            case STOPPED -> EnumSet.of(RUNNING, SUSPENDED, MIGRATING, FAILED, DESTROYED, CREATING);
            case RUNNING -> EnumSet.of(STOPPED, SUSPENDED, MIGRATING, FAILED, DESTROYED);
            case SUSPENDED -> EnumSet.of(STOPPED, DESTROYED);
            case MIGRATING -> EnumSet.of(RUNNING, STOPPED, FAILED);
            case FAILED -> EnumSet.of(CREATING, STOPPED, RUNNING, DESTROYED);
            case DESTROYED -> EnumSet.noneOf(PartitionState.class);
        };
    }

    public boolean canMoveTo(PartitionState target) {
        return next().contains(target);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
