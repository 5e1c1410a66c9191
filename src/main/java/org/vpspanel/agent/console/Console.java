package org.vpspanel.agent.console;

import org.vpspanel.agent.TerminalSize;
import org.vpspanel.agent.host.Commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An interactive shell in a partition on a pseudo-terminal: {@code runc exec --tty} runs under setsid with
 * the PTY slave as its controlling terminal, and the agent reads and writes the master.
 */
public final class Console implements AutoCloseable {

    private final Pty pty;
    private final Process process;

    private Console(Pty pty, Process process) {
        this.pty = pty;
        this.process = process;
    }

    /** Opens a console running {@code execCommand} (a runc exec --tty command line) at the given size. */
    public static Console open(List<String> execCommand, TerminalSize size) throws IOException {
        Pty pty = Pty.open();
        try {
            pty.resize(size); // runc gives the partition's own terminal the size of this one, now and on SIGWINCH
            // raw: bytes reach runc as typed (Ctrl-D included); the partition's own terminal does line editing and echo
            Commands.run("stty", "-F", pty.slave().toString(), "raw", "-echo");
            List<String> command = new ArrayList<>(List.of("setsid", "--ctty", "--wait"));
            command.addAll(execCommand);
            return new Console(pty, Commands.startOnTerminal(command, pty.slave()));
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    /** What the shell printed; -1 when it has ended. */
    public int read(byte[] buffer) throws IOException {
        return pty.read(buffer);
    }

    public void type(byte[] bytes, int length) throws IOException {
        pty.write(bytes, length);
    }

    /** Resizes the terminal; runc passes the new size on to the shell's terminal inside the partition. */
    public void resize(TerminalSize size) throws IOException {
        pty.resize(size);
    }

    /** Ends the session: the shell's runc exec is killed if it still runs, and the terminal closed. */
    @Override
    public void close() {
        process.destroyForcibly();
        pty.close();
    }
}
