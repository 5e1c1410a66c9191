package org.vpspanel.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What a client's user does at a console (types, resizes the terminal, leaves), queued as
 * {@link ConsoleFrames} for {@link ConsoleClient} to send: whoever feeds it never waits for the agent.
 * Reading it gives the framed bytes; it ends after {@link #end()}.
 */
public final class ConsoleInput extends InputStream {

    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    public void keys(byte[] keys) {
        if (keys.length > 0) {
            frames.add(ConsoleFrames.keys(keys));
        }
    }

    public void resize(TerminalSize size) {
        frames.add(ConsoleFrames.size(size));
    }

    /** The user is gone: the shell's input ends (the agent types Ctrl-D) once what was queued is sent. */
    public void end() {
        frames.add(END);
    }

    @Override
    public void close() {
        end();
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
                current = frames.take();
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
