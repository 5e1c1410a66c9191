package org.vpspanel.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpspanel.agent.Json;
import org.vpspanel.agent.TlsIdentity;

/** Trust requests the agent refuses before anything changes (no root, no TLS needed). */
class TrustApiTest {

    @TempDir
    Path dir;

    private static Map<String, Object> body(AgentApi.Reply reply) {
        return Json.readObject(Json.write(reply.body()));
    }

    @Test
    void anAgentWithoutATcpListenerHandsOutNoTokens() {
        AgentApi.Reply refused = TrustApi.keptIn(dir, null, null).handleLocal("POST", "/v1/trust/tokens", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(body(refused).get("error")).asString().contains("start it with --listen");
    }

    @Test
    void refusesBadTrustRequestsOnTheLocalSocket() {
        TrustApi trust = TrustApi.keptIn(dir, TlsIdentity.generate("agent"), "10.0.0.5:8443");

        assertThat(trust.handleLocal("POST", "/v1/trust", "{}").status()).as("enrollment happens over TLS").isEqualTo(400);
        assertThat(body(trust.handleLocal("DELETE", "/v1/trust/AB:CD", ""))).containsEntry("field", "fingerprint");
        assertThat(trust.handleLocal("DELETE", "/v1/trust/" + "ab".repeat(32), "").status()).isEqualTo(404);
        assertThat(body(trust.handleLocal("POST", "/v1/trust/tokens", "{\"validSeconds\":0}"))).containsEntry("field", "validSeconds");
        assertThat(body(trust.handleLocal("POST", "/v1/trust/tokens", "{\"ttl\":5}"))).containsEntry("field", "ttl");
        assertThat(body(trust.handleLocal("POST", "/v1/trust/tokens", "{\"address\":\"" + "ä".repeat(200) + "\"}")))
                .containsEntry("field", "address");
        AgentApi.Reply issued = trust.handleLocal("POST", "/v1/trust/tokens", "");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(body(issued)).containsEntry("address", "10.0.0.5:8443").containsKeys("token", "fingerprint", "expiresAt");
        assertThat(trust.refusal("/v1/agent", "ab".repeat(32)).status()).isEqualTo(403);
    }
}
