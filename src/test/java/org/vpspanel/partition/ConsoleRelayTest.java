package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vpspanel.agent.TerminalSize;

/** The browser's control messages: a resize within 1-1000 rows and columns, and nothing else, is taken. */
class ConsoleRelayTest {

    @Test
    void takesAResizeWithinRange() {
        assertThat(ConsoleRelay.requestedSize("{\"type\":\"resize\",\"cols\":1000,\"rows\":1}")).isEqualTo(new TerminalSize(1, 1000));
    }

    @Test
    void refusesAnythingElseSayingWhy() {
        assertThatThrownBy(() -> ConsoleRelay.requestedSize("{\"type\":\"resize\",\"cols\":1001,\"rows\":40}"))
                .hasMessage("cols must be a whole number between 1 and 1000, not 1001");
        assertThatThrownBy(() -> ConsoleRelay.requestedSize("{\"type\":\"resize\",\"cols\":80,\"rows\":0}"))
                .hasMessage("rows must be a whole number between 1 and 1000, not 0");
        assertThatThrownBy(() -> ConsoleRelay.requestedSize("{\"type\":\"resize\",\"cols\":80.5,\"rows\":24}"))
                .hasMessage("rows and cols must be whole numbers");
        assertThatThrownBy(() -> ConsoleRelay.requestedSize("{\"type\":\"resize\",\"cols\":\"80\",\"rows\":24}"))
                .hasMessage("rows and cols must be whole numbers");
        assertThatThrownBy(() -> ConsoleRelay.requestedSize("{\"type\":\"resize\",\"cols\":99999999999,\"rows\":24}"))
                .hasMessage("rows and cols must be whole numbers");
        assertThatThrownBy(() -> ConsoleRelay.requestedSize("{\"type\":\"paste\"}"))
                .hasMessage("unknown control message type 'paste'");
        assertThatThrownBy(() -> ConsoleRelay.requestedSize("[1,2]")).hasMessage("unknown control message type ''");
        assertThatThrownBy(() -> ConsoleRelay.requestedSize("{\"type\":")).hasMessageStartingWith("not JSON: ");
    }
}
