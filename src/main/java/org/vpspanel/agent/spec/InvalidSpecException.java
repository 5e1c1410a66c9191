package org.vpspanel.agent.spec;

/** Input that the agent refuses, naming the field at fault; nothing on the host has been changed. */
public class InvalidSpecException extends IllegalArgumentException {

    private final String field;

    public InvalidSpecException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
