package org.vpspanel.partition;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
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
import org.vpspanel.node.AgentRefusedException;
import org.vpspanel.node.AgentUnavailableException;
import org.vpspanel.node.NodeAgents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console: relays a browser's WebSocket at /console/{partitionId} (the protocol of
 * org.vpspanel.ui.Terminal: keystrokes binary, control messages JSON text) to a login shell on the
 * partition's node. Only a user who may see the partition opens it, and only while it runs. The shell
 * starts at the size of the first resize message; when the browser goes, the shell's input ends and the
 * agent ends the shell, so no process stays behind.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ConsoleRelay extends AbstractWebSocketHandler implements WebSocketConfigurer {

    static final String PATH = "/console/";
    static final CloseStatus ENDED = new CloseStatus(4000, "console ended");
    private static final Logger log = LoggerFactory.getLogger(ConsoleRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TARGET = "target";
    private static final String TYPED = "typed";
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
        session.getAttributes().put(TYPED, new Typed());
        session.getAttributes().put(SENDER, new ConcurrentWebSocketSessionDecorator(session, 10_000, 1 << 20));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        JsonNode control = JSON.readTree(message.getPayload());
        if (!"resize".equals(control.path("type").asString("")) || session.getAttributes().containsKey("started")) {
            return; // the agent's shell keeps the size it started with
        }
        session.getAttributes().put("started", true);
        int rows = Math.clamp(control.path("rows").asInt(24), 1, 500);
        int columns = Math.clamp(control.path("cols").asInt(80), 1, 1000);
        ConsoleTarget target = (ConsoleTarget) session.getAttributes().get(TARGET);
        Typed typed = (Typed) session.getAttributes().get(TYPED);
        WebSocketSession sender = (WebSocketSession) session.getAttributes().get(SENDER);
        Thread.ofVirtual().name("console-" + target.partitionId()).start(() -> relay(target, rows, columns, typed, sender));
    }

    private void relay(ConsoleTarget target, int rows, int columns, Typed typed, WebSocketSession sender) {
        CloseStatus status = ENDED;
        try {
            agents.console(target.nodeId(), target.agentPartitionId(), rows, columns, typed, new OutputStream() {
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
        Typed typed = (Typed) session.getAttributes().get(TYPED);
        if (typed != null) {
            byte[] keys = new byte[message.getPayload().remaining()];
            message.getPayload().get(keys);
            typed.offer(keys);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(TYPED) instanceof Typed typed) {
            typed.close();
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

    /** What the browser types, as a stream for the agent's console; closing it ends the shell's input. */
    static final class Typed extends InputStream {

        private static final byte[] END = new byte[0];
        private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        void offer(byte[] keys) {
            if (keys.length > 0) {
                chunks.add(keys);
            }
        }

        @Override
        public void close() {
            chunks.add(END);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
                position = 0;
                ended = current == END;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
