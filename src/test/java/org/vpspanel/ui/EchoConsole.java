package org.vpspanel.ui;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * Test-only console WebSocket speaking the {@link Terminal}'s wire protocol, like a PTY with echo on: it greets
 * with a text frame, echoes keystrokes back as binary frames, records the control messages, and ends the
 * console (close code 4000) on Ctrl-D. Found by component scan, so it is part of the one shared test context.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class EchoConsole extends AbstractWebSocketHandler implements WebSocketConfigurer {

    static final String PATH = "/console/test-echo"; // under /console/, where the panel lets consoles connect
    static final String GREETING = "echo console ready";
    static final CloseStatus ENDED = new CloseStatus(4000, "console ended");
    private static final byte CTRL_D = 4;

    private final List<String> controlMessages = new CopyOnWriteArrayList<>();

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, PATH);
    }

    /** The control messages (text frames) received since the last connection opened, in order. */
    public List<String> controlMessages() {
        return List.copyOf(controlMessages);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        controlMessages.clear();
        session.sendMessage(new TextMessage(GREETING + "\r\n"));
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
        byte[] keys = new byte[message.getPayloadLength()];
        message.getPayload().get(keys);
        if (keys.length == 1 && keys[0] == CTRL_D) {
            session.close(ENDED);
        } else {
            session.sendMessage(new BinaryMessage(keys));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        controlMessages.add(message.getPayload());
    }
}
