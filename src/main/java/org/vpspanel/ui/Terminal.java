package org.vpspanel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * A terminal in the browser (xterm.js, frontend/console-terminal.js) that connects by itself to a console
 * WebSocket: the keystrokes go from the browser straight to that socket and the output straight back, not
 * through the Vaadin session. The terminal fits its size (rows and columns) to its container.
 *
 * <p>Wire protocol on the console WebSocket:
 * <ul>
 * <li>browser to server, binary frames: keystrokes, the UTF-8 bytes of what the user typed or pasted, to be
 * written to the PTY as they are;</li>
 * <li>browser to server, text frames: JSON control messages; so far only
 * {@code {"type":"resize","cols":120,"rows":40}}, sent right after the socket opens and whenever the terminal's
 * size changes (the PTY's window size follows);</li>
 * <li>server to browser, binary or text frames: the PTY's output, written to the screen as it is (escape
 * sequences included);</li>
 * <li>the server closes the socket when the console ends, with a reason the terminal shows and reports.</li>
 * </ul>
 */
@Tag("vps-terminal")
@NpmPackage(value = "@xterm/xterm", version = "6.0.0")
@NpmPackage(value = "@xterm/addon-fit", version = "0.11.0")
@JsModule("./console-terminal.js")
public class Terminal extends Component implements HasSize {

    public Terminal() {
        setWidthFull();
        setHeight("400px");
    }

    /**
     * Connects to the console WebSocket at this address (absolute, or relative to the page such as
     * {@code console/42}; http is turned into ws), hanging up any earlier connection.
     */
    public void connect(String webSocketUrl) {
        getElement().setProperty("url", webSocketUrl);
    }

    /** Hangs up; no closed event follows for a connection ended this way. */
    public void disconnect() {
        getElement().setProperty("url", "");
    }

    public Registration addConnectedListener(ComponentEventListener<ConnectedEvent> listener) {
        return addListener(ConnectedEvent.class, listener);
    }

    public Registration addClosedListener(ComponentEventListener<ClosedEvent> listener) {
        return addListener(ClosedEvent.class, listener);
    }

    /** The browser's WebSocket to the console opened. */
    @DomEvent("console-connected")
    public static class ConnectedEvent extends ComponentEvent<Terminal> {

        public ConnectedEvent(Terminal source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** The console's WebSocket closed (or could not open) other than by {@link #connect} or {@link #disconnect}. */
    @DomEvent("console-closed")
    public static class ClosedEvent extends ComponentEvent<Terminal> {

        private final int code;
        private final String reason;
        private final boolean clean;

        public ClosedEvent(Terminal source, boolean fromClient, @EventData("event.detail.code") int code,
                           @EventData("event.detail.reason") String reason,
                           @EventData("event.detail.clean") boolean clean) {
            super(source, fromClient);
            this.code = code;
            this.reason = reason;
            this.clean = clean;
        }

        /** The WebSocket close code, e.g. 1000 (normal), 1006 (connection lost or refused). */
        public int code() {
            return code;
        }

        /** The reason the server gave when it closed; empty if it gave none. */
        public String reason() {
            return reason;
        }

        /** Whether the server closed the socket properly, rather than the connection breaking. */
        public boolean clean() {
            return clean;
        }
    }
}
