package org.vpspanel.agent.console;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import org.vpspanel.agent.TerminalSize;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * A pseudo-terminal pair made with libc through the foreign-function API: the JDK has no PTY of its own,
 * and runc exec --tty wants a controlling terminal. The agent keeps the master; a child gets the slave.
 */
public final class Pty implements AutoCloseable {

    private static final int O_RDWR_NOCTTY = 02 | 0400;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MethodHandle POSIX_OPENPT = function("posix_openpt", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle GRANTPT = function("grantpt", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle UNLOCKPT = function("unlockpt", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle PTSNAME_R = function("ptsname_r", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle READ = function("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = function("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle IOCTL = LINKER.downcallHandle(LIBC.find("ioctl").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    private static final long TIOCSWINSZ = 0x5414;

    private final int master;
    private final Path slave;
    private volatile boolean closed;

    private Pty(int master, Path slave) {
        this.master = master;
        this.slave = slave;
    }

    private static MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name)), descriptor);
    }

    public static Pty open() throws IOException {
        try {
            int master = (int) POSIX_OPENPT.invokeExact(O_RDWR_NOCTTY);
            if (master < 0) {
                throw new IOException("posix_openpt failed");
            }
            if ((int) GRANTPT.invokeExact(master) != 0 || (int) UNLOCKPT.invokeExact(master) != 0) {
                int ignored = (int) CLOSE.invokeExact(master);
                throw new IOException("grantpt/unlockpt failed");
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment name = arena.allocate(128);
                if ((int) PTSNAME_R.invokeExact(master, name, 128L) != 0) {
                    int ignored = (int) CLOSE.invokeExact(master);
                    throw new IOException("ptsname_r failed");
                }
                return new Pty(master, Path.of(name.getString(0)));
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot open a pseudo-terminal: " + e.getMessage(), e);
        }
    }

    /** The slave's path (/dev/pts/N), for the child's stdin, stdout and stderr. */
    public Path slave() {
        return slave;
    }

    /** Reads what the terminal printed; -1 once every slave is closed (the child ended). Blocks. */
    public int read(byte[] buffer) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(buffer.length);
            long count = (long) READ.invokeExact(master, segment, (long) buffer.length);
            if (count <= 0) {
                return -1; // EIO after the last slave closed, or the master was closed
            }
            MemorySegment.copy(segment, JAVA_BYTE, 0, buffer, 0, (int) count);
            return (int) count;
        } catch (Throwable e) {
            throw new IOException("reading the terminal failed: " + e.getMessage(), e);
        }
    }

    /** Types into the terminal. */
    public void write(byte[] bytes, int length) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(Math.max(1, length));
            MemorySegment.copy(bytes, 0, segment, JAVA_BYTE, 0, length);
            long done = 0;
            while (done < length) {
                long count = (long) WRITE.invokeExact(master, segment.asSlice(done), (long) length - done);
                if (count <= 0) {
                    throw new IOException("the terminal is closed");
                }
                done += count;
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("writing the terminal failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sets the terminal's window size (TIOCSWINSZ on the master); the kernel sends SIGWINCH to the slave's
     * foreground process group, so the program on it redraws at the new size.
     */
    public void resize(TerminalSize size) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment winsize = arena.allocate(JAVA_SHORT, 4); // rows, columns, and pixels left 0
            winsize.setAtIndex(JAVA_SHORT, 0, (short) size.rows());
            winsize.setAtIndex(JAVA_SHORT, 1, (short) size.columns());
            if ((int) IOCTL.invokeExact(master, TIOCSWINSZ, winsize) != 0) {
                throw new IOException("cannot set the terminal's size to " + size);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot set the terminal's size: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                int ignored = (int) CLOSE.invokeExact(master);
            } catch (Throwable ignored) {
                // closing is best effort; the descriptor is gone either way
            }
        }
    }
}
