package org.vpspanel.agent.host;

/** A command that failed, with the command line and what it printed on stderr. */
public class CommandException extends RuntimeException {

    private final transient Commands.Result result;

    public CommandException(Commands.Result result) {
        super("'" + String.join(" ", result.command()) + "' failed (exit " + result.exitCode() + "): "
                + firstLines(result.stderr().isBlank() ? result.stdout() : result.stderr()));
        this.result = result;
    }

    public Commands.Result result() {
        return result;
    }

    private static String firstLines(String text) {
        String trimmed = text.strip();
        return trimmed.length() > 600 ? trimmed.substring(0, 600) + "..." : trimmed;
    }
}
