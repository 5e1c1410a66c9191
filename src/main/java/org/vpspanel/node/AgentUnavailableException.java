package org.vpspanel.node;

/** The node's agent could not be reached or did not answer in time: worth trying again later. */
public class AgentUnavailableException extends RuntimeException {

    public AgentUnavailableException(String message) {
        super(message);
    }
}
