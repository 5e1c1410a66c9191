package org.vpspanel.agent;

/**
 * A terminal's size in character cells, as a console is opened or resized. Both between 1 and {@link #MAX}:
 * anything else is a client's mistake, refused where it enters (the agent's protocol, the panel's relay).
 */
public record TerminalSize(int rows, int columns) {

    public static final int MAX = 1000;
    public static final TerminalSize DEFAULT = new TerminalSize(24, 80);

    public TerminalSize {
        requireInRange("rows", rows);
        requireInRange("cols", columns);
    }

    /** Whether this many rows (or columns) make a terminal. */
    public static boolean allows(int cells) {
        return cells >= 1 && cells <= MAX;
    }

    private static void requireInRange(String name, int value) {
        if (!allows(value)) {
            throw new IllegalArgumentException(name + " must be a whole number between 1 and " + MAX + ", not " + value);
        }
    }

    @Override
    public String toString() {
        return rows + "x" + columns;
    }
}
