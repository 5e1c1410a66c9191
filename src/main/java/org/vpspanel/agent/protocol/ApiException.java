package org.vpspanel.agent.protocol;

/** A request that is malformed at the protocol level (bad path, method or body), answered with its status. */
class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
