package org.vpspanel.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real host agent for one test class: started before its first test, closed after its last leaving
 * nothing on the host. Use it as {@code @RegisterExtension static final AgentPerTestClass HOST = new ...}.
 */
public final class AgentPerTestClass implements BeforeAllCallback, AfterAllCallback {

    private AgentProcess agent;

    public AgentProcess agent() {
        return agent;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        agent = AgentProcess.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        AgentProcess.closeLeavingNothing(agent);
    }
}
