package org.vpspanel.agent.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the steps of one operation (create, start) and counts the external commands each step runs, for
 * one log line per operation: {@code timing create web1: total=123ms commands=9/80ms disk=40ms/3 ...}.
 * Steps nest ({@code disk/mkfs}); a step's figures include its children's. The clock belongs to the thread
 * that began it; work handed to another thread joins it with {@link #bind}. Steps that run side by side
 * (network) add up to more than the time they took together.
 */
public final class StepClock implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("vps-agent");
    private static final ThreadLocal<StepClock> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> PATH = ThreadLocal.withInitial(ArrayList::new);
    /** This thread's commands and their nanos, so that steps running side by side count only their own. */
    private static final ThreadLocal<long[]> THREAD_TALLY = ThreadLocal.withInitial(() -> new long[2]);

    private final String operation;
    private final StepClock outer;
    private final long start = System.nanoTime();
    /** Step name: nanos, commands, command nanos. */
    private final Map<String, long[]> steps = new LinkedHashMap<>();
    private long commands;
    private long commandNanos;

    private StepClock(String operation, StepClock outer) {
        this.operation = operation;
        this.outer = outer;
    }

    /**
     * Starts timing an operation on this thread. Inside another operation (a start within a restart) it has a
     * line of its own, and its commands count in the outer one's total too.
     */
    public static StepClock begin(String operation) {
        StepClock clock = new StepClock(operation, CURRENT.get());
        CURRENT.set(clock);
        return clock;
    }

    /** Times {@code body} as a step of the operation under way on this thread, if any. */
    public static <T> T step(String name, Supplier<T> body) {
        StepClock clock = CURRENT.get();
        if (clock == null) {
            return body.get();
        }
        List<String> path = PATH.get();
        path.add(name);
        String key = String.join("/", path);
        long t0 = System.nanoTime();
        long[] before = THREAD_TALLY.get().clone();
        try {
            return body.get();
        } finally {
            long[] after = THREAD_TALLY.get();
            clock.add(key, System.nanoTime() - t0, after[0] - before[0], after[1] - before[1]);
            path.removeLast();
        }
    }

    public static void step(String name, Runnable body) {
        step(name, () -> {
            body.run();
            return null;
        });
    }

    /** {@code body} to run on another thread as part of this thread's operation (and current step). */
    public static Runnable bind(Runnable body) {
        StepClock clock = CURRENT.get();
        List<String> path = List.copyOf(PATH.get());
        return () -> {
            StepClock previous = CURRENT.get();
            List<String> previousPath = new ArrayList<>(PATH.get());
            CURRENT.set(clock);
            PATH.get().clear();
            PATH.get().addAll(path);
            try {
                body.run();
            } finally {
                CURRENT.set(previous);
                PATH.get().clear();
                PATH.get().addAll(previousPath);
            }
        };
    }

    /** Called by {@link Commands} for every external command it ran. */
    static void commandRan(long nanos) {
        long[] tally = THREAD_TALLY.get();
        tally[0]++;
        tally[1] += nanos;
        for (StepClock clock = CURRENT.get(); clock != null; clock = clock.outer) {
            clock.countCommand(nanos);
        }
    }

    private synchronized void countCommand(long nanos) {
        commands++;
        commandNanos += nanos;
    }

    private synchronized void add(String key, long nanos, long commandCount, long commandTime) {
        long[] figures = steps.computeIfAbsent(key, k -> new long[3]);
        figures[0] += nanos;
        figures[1] += commandCount;
        figures[2] += commandTime;
    }

    /** The operation's line: total and command figures, then each step's time and its number of commands. */
    public synchronized String summary() {
        StringBuilder line = new StringBuilder("timing ").append(operation).append(": total=")
                .append(millis(System.nanoTime() - start)).append("ms commands=").append(commands).append('/')
                .append(millis(commandNanos)).append("ms");
        steps.forEach((name, f) -> line.append(' ').append(name).append('=').append(millis(f[0])).append("ms/").append(f[1]));
        return line.toString();
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** Logs the line and hands the thread back to the operation this one ran inside, if any. */
    @Override
    public void close() {
        if (outer != null) {
            CURRENT.set(outer);
        } else {
            CURRENT.remove();
        }
        LOG.log(System.Logger.Level.INFO, summary());
    }
}
