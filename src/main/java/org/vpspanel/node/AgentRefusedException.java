package org.vpspanel.node;

/** The node's agent answered and refused: trying again will not help. Carries the agent's one-line reason. */
public class AgentRefusedException extends RuntimeException {

    private final int status;

    public AgentRefusedException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
