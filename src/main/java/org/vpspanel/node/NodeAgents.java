package org.vpspanel.node;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.vpspanel.agent.AgentClient;
import org.vpspanel.agent.AgentEndpoint;
import org.vpspanel.agent.ConsoleClient;
import org.vpspanel.agent.ConsoleInput;
import org.vpspanel.agent.EnrollmentToken;
import org.vpspanel.agent.TerminalSize;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The panel's line to each node's host agent: by its Unix socket ({@code unix:/path}) or over TLS
 * ({@code https://host:port}, the agent's certificate pinned, the panel's client certificate presented).
 * Answers are JSON text; an agent that cannot be reached is an {@link AgentUnavailableException} (retry
 * later), one that refuses an {@link AgentRefusedException}.
 */
@Component
public class NodeAgents {

    static final String UNIX_SCHEME = "unix:";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ENROLL_TIMEOUT = Duration.ofSeconds(15);

    private final NodeRepository nodes;
    private final PanelIdentity identity;
    private final Map<AgentEndpoint, AgentClient> clients = new ConcurrentHashMap<>();

    NodeAgents(NodeRepository nodes, PanelIdentity identity) {
        this.nodes = nodes;
        this.identity = identity;
    }

    /** The agent's answer to a request, which must be a success (2xx). */
    public String call(long nodeId, String method, String path, Object body, Duration timeout) {
        AgentClient.Answer answer = send(nodeId, method, path, body, timeout);
        if (!answer.ok()) {
            throw new AgentRefusedException(answer.status(), answer.error());
        }
        return answer.body();
    }

    /** The agent's answer to a request, which must be a success, as the JSON object it is. */
    public Map<String, Object> callForObject(long nodeId, String method, String path, Object body, Duration timeout) {
        return JSON.readValue(call(nodeId, method, path, body, timeout), new TypeReference<Map<String, Object>>() { });
    }

    /** The agent's answer to a request, which must be a success, as the JSON list of objects it is. */
    public List<Map<String, Object>> callForList(long nodeId, String method, String path, Object body,
                                                 Duration timeout) {
        return JSON.readValue(call(nodeId, method, path, body, timeout),
                new TypeReference<List<Map<String, Object>>>() { });
    }

    /** The agent's answer to a request, whatever its status. */
    public AgentClient.Answer send(long nodeId, String method, String path, Object body, Duration timeout) {
        AgentEndpoint endpoint = endpoint(nodeId);
        return answer(clients.computeIfAbsent(endpoint, AgentClient::new), method, path, body, timeout);
    }

    /**
     * Connects {@code input} and {@code shown} to a login shell in the partition (its id on the node), opened
     * at {@code size}, until the shell ends or {@code input} does.
     */
    public void console(long nodeId, String partitionId, TerminalSize size, ConsoleInput input, OutputStream shown) {
        try {
            ConsoleClient.attach(endpoint(nodeId), partitionId, size, input, shown);
        } catch (IOException e) {
            throw new AgentUnavailableException("console connection to the agent broke: " + e.getMessage());
        } catch (IllegalStateException refused) {
            throw new AgentRefusedException(409, refused.getMessage());
        }
    }

    /**
     * Asks the agent at {@code address} to trust this panel, proving with {@code token} that an admin of that
     * agent allowed it. The connection accepts only the agent certificate the token names.
     */
    void enroll(AgentAddress address, EnrollmentToken token) {
        String fingerprint = identity.fingerprint();
        try (AgentClient client = new AgentClient(remote(address, token.agentFingerprint()))) {
            AgentClient.Answer answer = answer(client, "POST", "/v1/trust",
                    Map.of("token", token.id(), "proof", token.proof(fingerprint)), ENROLL_TIMEOUT);
            if (!answer.ok()) {
                throw new AgentRefusedException(answer.status(), answer.error());
            }
        }
    }

    /** The fingerprint of the client certificate this panel presents to remote agents. */
    String panelFingerprint() {
        return identity.fingerprint();
    }

    private static AgentClient.Answer answer(AgentClient client, String method, String path, Object body, Duration timeout) {
        try {
            AgentClient.Answer answer = client.send(method, path, body, false, timeout);
            if (answer.status() == 502 || answer.status() == 503 || answer.status() == 504) {
                throw new AgentUnavailableException("agent answered " + answer.status() + ": " + answer.error());
            }
            return answer;
        } catch (IllegalStateException unreachable) {
            throw new AgentUnavailableException(unreachable.getMessage());
        }
    }

    private AgentEndpoint endpoint(long nodeId) {
        Node node = nodes.findById(nodeId).filter(n -> n.getAgentUrl() != null)
                .orElseThrow(() -> new AgentUnavailableException("node " + nodeId + " has no agent enrolled"));
        String url = node.getAgentUrl();
        if (url.startsWith(UNIX_SCHEME)) {
            return new AgentEndpoint.Local(Path.of(url.substring(UNIX_SCHEME.length())));
        }
        return remote(AgentAddress.parse(url).orElseThrow(() -> new AgentUnavailableException(
                "agent address " + url + " is not supported (unix:/path/to/socket or https://host:port)")), node.getAgentFingerprint());
    }

    private AgentEndpoint.Remote remote(AgentAddress address, String agentFingerprint) {
        return new AgentEndpoint.Remote(address.host(), address.port(), identity.tls(), agentFingerprint);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(AgentClient::close);
    }
}
