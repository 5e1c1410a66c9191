package org.vpspanel.agent.partition;

/** A request the agent cannot carry out in the partition's present state. */
public class PartitionException extends RuntimeException {

    /** Why, in the terms of the protocol's status codes. */
    public enum Reason { NOT_FOUND, CONFLICT }

    private final Reason reason;

    public PartitionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static PartitionException notFound(String id) {
        return new PartitionException(Reason.NOT_FOUND, "no partition '" + id + "'");
    }
}
