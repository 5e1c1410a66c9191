package org.vpspanel.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Test-only page: a terminal connected to the {@link EchoConsole}, and what its events reported. */
@Route(value = "test/terminal", autoLayout = false)
@PermitAll
public class TerminalTestView extends VerticalLayout {

    public TerminalTestView() {
        Span state = new Span("connecting");
        state.setId("console-state");
        Terminal terminal = new Terminal();
        terminal.setId("terminal");
        terminal.setHeight("50vh");
        terminal.addConnectedListener(connected -> state.setText("connected"));
        terminal.addClosedListener(closed -> state.setText("closed " + closed.code() + ": " + closed.reason()));
        terminal.connect(EchoConsole.PATH.substring(1)); // relative to the page, as the panel's views will give it
        add(state, terminal);
        setSizeFull();
    }
}
