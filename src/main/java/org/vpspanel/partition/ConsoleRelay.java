package org.vpspanel.partition;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.agent.ConsoleInput;
import org.vpspanel.agent.TerminalSize;
import org.vpspanel.node.AgentRefusedException;
import org.vpspanel.node.AgentUnavailableException;
import org.vpspanel.node.NodeAgents;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console: relays a browser's WebSocket at /console/{partitionId} (the protocol of
 * org.vpspanel.ui.Terminal: keystrokes binary, control messages JSON text) to a login shell on the
 * partition's node. Only a user who may see the partition opens it, and only while it runs. The shell
 * starts at the size of the first resize message and follows the later ones; when the browser goes, the
 * shell's input ends and the agent ends the shell, so no process stays behind.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ConsoleRelay extends AbstractWebSocketHandler implements WebSocketConfigurer {

    static final String PATH = "/console/";
    static final CloseStatus ENDED = new CloseStatus(4000, "console ended");
    private static final Logger log = LoggerFactory.getLogger(ConsoleRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TARGET = "target";
    private static final String INPUT = "input";
    private static final String STARTED = "started";
    private static final String SENDER = "sender";

    private final PartitionService partitions;
    private final NodeAgents agents;

    ConsoleRelay(PartitionService partitions, NodeAgents agents) {
        this.partitions = partitions;
        this.agents = agents;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, PATH + "{partitionId:\\d+}");
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        if (!(session.getPrincipal() instanceof Authentication user)) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("not signed in"));
            return;
        }
        long partitionId = partitionIdOf(session.getUri());
        try {
            session.getAttributes().put(TARGET, as(user, () -> partitions.openConsole(partitionId)));
        } catch (NotFoundException | InvalidInputException e) {
            session.close(new CloseStatus(4004, e.getMessage()));
            return;
        }
        session.getAttributes().put(INPUT, new ConsoleInput());
        session.getAttributes().put(SENDER, new ConcurrentWebSocketSessionDecorator(session, 10_000, 1 << 20));
    }

    /**
     * A resize: the first opens the agent's console at that size, the later ones resize it. Anything else, or
     * a size out of range, is ignored (and logged): a confused browser keeps its console.
     */
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ConsoleTarget target = (ConsoleTarget) session.getAttributes().get(TARGET);
        ConsoleInput input = (ConsoleInput) session.getAttributes().get(INPUT);
        if (target == null || input == null) {
            return;
        }
        TerminalSize size;
        try {
            size = requestedSize(message.getPayload());
        } catch (IllegalArgumentException e) {
            log.warn("Console of partition {}: ignored a control message: {}", target.partitionId(), e.getMessage());
            return;
        }
        if (session.getAttributes().putIfAbsent(STARTED, true) != null) {
            input.resize(size);
            return;
        }
        WebSocketSession sender = (WebSocketSession) session.getAttributes().get(SENDER);
        Thread.ofVirtual().name("console-" + target.partitionId()).start(() -> relay(target, size, input, sender));
    }

    /** The size a control message asks for; an IllegalArgumentException says why it asks for none. */
    static TerminalSize requestedSize(String message) {
        JsonNode control;
        try {
            control = JSON.readTree(message);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        String type = control.path("type").asString("");
        if (!type.equals("resize")) {
            throw new IllegalArgumentException("unknown control message type '" + type + "'");
        }
        if (!control.path("rows").isInt() || !control.path("cols").isInt()) {
            throw new IllegalArgumentException("rows and cols must be whole numbers");
        }
        return new TerminalSize(control.path("rows").intValue(), control.path("cols").intValue());
    }

    private void relay(ConsoleTarget target, TerminalSize size, ConsoleInput input, WebSocketSession sender) {
        CloseStatus status = ENDED;
        try {
            agents.console(target.nodeId(), target.agentPartitionId(), size, input, new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    sender.sendMessage(new BinaryMessage(Arrays.copyOfRange(bytes, offset, offset + length)));
                }
            });
        } catch (AgentUnavailableException | AgentRefusedException e) {
            status = new CloseStatus(4009, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Console of partition {} failed", target.partitionId(), e);
            status = new CloseStatus(4009, "the console failed");
        }
        try {
            sender.close(status);
        } catch (IOException e) {
            // the browser went first
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        if (session.getAttributes().get(INPUT) instanceof ConsoleInput input) {
            byte[] keys = new byte[message.getPayload().remaining()];
            message.getPayload().get(keys);
            input.keys(keys);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(INPUT) instanceof ConsoleInput input) {
            input.end();
        }
    }

    private static long partitionIdOf(URI uri) {
        String path = uri.getPath();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private static <T> T as(Authentication user, java.util.function.Supplier<T> call) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
