package org.vpspanel.node;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.vpspanel.agent.AgentClient;
import org.vpspanel.agent.AgentEndpoint;
import org.vpspanel.agent.ConsoleClient;

/**
 * The panel's line to each node's host agent. Answers are JSON text; an agent that cannot be reached is an
 * {@link AgentUnavailableException} (retry later), one that refuses an {@link AgentRefusedException}.
 */
@Component
public class NodeAgents {

    static final String UNIX_SCHEME = "unix:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NodeRepository nodes;
    private final Map<String, AgentClient> clients = new ConcurrentHashMap<>();

    NodeAgents(NodeRepository nodes) {
        this.nodes = nodes;
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
        String url = nodes.findById(nodeId).map(Node::getAgentUrl)
                .orElseThrow(() -> new AgentUnavailableException("node " + nodeId + " has no agent enrolled"));
        try {
            AgentClient.Answer answer = client(url).send(method, path, body, false, timeout);
            if (answer.status() == 502 || answer.status() == 503 || answer.status() == 504) {
                throw new AgentUnavailableException("agent answered " + answer.status() + ": " + answer.error());
            }
            return answer;
        } catch (IllegalStateException unreachable) {
            throw new AgentUnavailableException(unreachable.getMessage());
        }
    }

    /**
     * Connects {@code typed} and {@code shown} to a login shell in the partition (its id on the node) until
     * the shell ends or {@code typed} does.
     */
    public void console(long nodeId, String partitionId, int rows, int columns, InputStream typed, OutputStream shown) {
        String url = nodes.findById(nodeId).map(Node::getAgentUrl)
                .orElseThrow(() -> new AgentUnavailableException("node " + nodeId + " has no agent enrolled"));
        if (!url.startsWith(UNIX_SCHEME)) {
            throw new AgentUnavailableException("agent address " + url + " is not supported (only unix:/path/to/socket)");
        }
        try {
            ConsoleClient.attach(new AgentEndpoint.Local(Path.of(url.substring(UNIX_SCHEME.length()))), partitionId, rows, columns, typed, shown);
        } catch (IOException e) {
            throw new AgentUnavailableException("console connection to the agent broke: " + e.getMessage());
        } catch (IllegalStateException refused) {
            throw new AgentRefusedException(409, refused.getMessage());
        }
    }

    private AgentClient client(String url) {
        if (!url.startsWith(UNIX_SCHEME)) {
            throw new AgentUnavailableException("agent address " + url + " is not supported (only unix:/path/to/socket)");
        }
        return clients.computeIfAbsent(url, u -> new AgentClient(new AgentEndpoint.Local(Path.of(u.substring(UNIX_SCHEME.length())))));
    }

    @PreDestroy
    void close() {
        clients.values().forEach(AgentClient::close);
    }
}
