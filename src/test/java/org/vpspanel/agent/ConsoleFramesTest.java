package org.vpspanel.agent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's input framing: keystrokes and sizes keep apart, and anything else is refused by name. */
class ConsoleFramesTest {

    /** What a receiver was handed, one line per frame. */
    private static List<String> received(byte[] framed) throws IOException {
        List<String> frames = new ArrayList<>();
        ConsoleFrames.read(new ByteArrayInputStream(framed), new ConsoleFrames.Receiver() {
            @Override
            public void keys(byte[] bytes, int length) {
                frames.add("keys " + new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1));
            }

            @Override
            public void resize(int rows, int columns) {
                frames.add("size " + rows + "x" + columns);
            }
        });
        return frames;
    }

    @Test
    void keystrokesThatLookLikeASizeFrameStayKeystrokes() throws Exception {
        ConsoleInput input = new ConsoleInput();
        input.keys("ls\n".getBytes());
        input.resize(new TerminalSize(40, 1000));
        input.keys(new byte[] {'s', 0, 4, 0, 1, 0, 1}); // a size frame's bytes, typed (pasted)
        input.keys(new byte[0]);
        input.end();

        assertThat(received(input.readAllBytes())).containsExactly("keys ls\n", "size 40x1000", "keys s\0\4\0\1\0\1");
    }

    @Test
    void longPastesAreSplitIntoFramesAndArriveWhole() throws Exception {
        byte[] paste = new byte[200_000];
        Arrays.fill(paste, (byte) 'x');

        List<String> frames = received(ConsoleFrames.keys(paste));

        assertThat(frames).hasSize(4);
        assertThat(String.join("", frames).replace("keys ", "")).hasSize(200_000);
    }

    @Test
    void aSizeOutOfRangeReachesTheReceiverUncheckedSoThatItCanIgnoreIt() throws Exception {
        assertThat(received(new byte[] {'s', 0, 4, 0, 0, (byte) 0xff, (byte) 0xff})).containsExactly("size 0x65535");
    }

    @Test
    void refusesWhatIsNoConsoleFrame() {
        assertThatThrownBy(() -> received(new byte[] {'x', 0, 1, 'a'})).hasMessage("not a console frame: type 120, 1 bytes");
        assertThatThrownBy(() -> received(new byte[] {'s', 0, 2, 0, 24})).hasMessage("not a console frame: type 115, 2 bytes");
        assertThatThrownBy(() -> received(new byte[] {'k', 0, 9, 'a'})).hasMessage("a console frame was cut short");
        assertThatThrownBy(() -> received(new byte[] {'k', 0})).hasMessage("a console frame was cut short");
    }

    @Test
    void terminalSizesAreBetweenOneAndAThousandCells() {
        assertThat(new TerminalSize(1, 1000)).hasToString("1x1000");
        assertThatThrownBy(() -> new TerminalSize(0, 80)).hasMessage("rows must be a whole number between 1 and 1000, not 0");
        assertThatThrownBy(() -> new TerminalSize(24, 1001)).hasMessage("cols must be a whole number between 1 and 1000, not 1001");
        assertThat(TerminalSize.allows(-1)).isFalse();
    }
}
