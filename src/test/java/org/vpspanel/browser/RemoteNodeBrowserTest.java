package org.vpspanel.browser;

import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.value;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.agent.EnrollmentToken;
import org.vpspanel.agent.Json;
import org.vpspanel.node.NodeService;
import org.vpspanel.testing.AgentProcess;
import org.vpspanel.testing.BrowserTest;

/** An admin adds a remote node with the token vpsctl enroll printed, comparing the certificates' fingerprints. */
class RemoteNodeBrowserTest extends BrowserTest {

    private static AgentProcess agent;

    @Autowired
    NodeService nodes;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = AgentProcess.startListening();
    }

    @AfterAll
    static void stopAgent() throws Exception {
        AgentProcess.closeLeavingNothing(agent);
    }

    @Test
    void anAdminAddsARemoteNodeWithATokenAndSeesBothFingerprints() {
        String token = (String) Json.readObject(agent.send("POST", "/v1/trust/tokens", Map.of()).body()).get("token");
        String agentFingerprint = EnrollmentToken.decode(token).agentFingerprint();
        String panelFingerprint = as(ADMIN, nodes::panelFingerprint);
        logIn(ADMIN, printedAdminPassword());
        open("/nodes");

        $("#new-node").click();
        fill("node-name", "edge1");
        fill("node-cores", "2");
        fill("node-memory", "4G");
        fill("node-disk", "20G");
        fill("node-token", token.substring(0, token.length() - 3));
        fieldError("node-token").shouldHave(text("The enrollment token is damaged: copy it again in full"));
        $("#node-save").click();
        fieldError("node-token").shouldHave(text("damaged"));
        assertThat(as(ADMIN, () -> nodes.count(null))).as("nothing saved").isZero();

        fill("node-token", token);
        field("node-address").shouldHave(value(agent.tcpAddress()));
        field("node-token-fingerprint").shouldHave(value(agentFingerprint));
        field("panel-fingerprint").shouldHave(value(panelFingerprint));
        $("#panel-fingerprint").scrollIntoView("{block: \"end\"}");
        screenshot("admin-add-remote-node");
        $("#node-save").click();

        notification("Node edge1 enrolled: its agent is online").shouldBe(visible);
        $("#node-status-edge1").shouldHave(exactText("Online"));
        assertThat(agent.send("GET", "/v1/trust", null).body()).contains(panelFingerprint);
        $("#edit-node-edge1").scrollIntoView("{block: \"center\"}").click();
        field("node-agent-fingerprint").shouldHave(value(agentFingerprint));
    }
}
