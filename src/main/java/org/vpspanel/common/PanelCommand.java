package org.vpspanel.common;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of {@code bin/vps-panel COMMAND ...}: run by the same application without its web server,
 * against the same database as the panel, after which the process exits.
 */
public interface PanelCommand {

    /** The word that selects it, e.g. {@code create-token}. */
    String name();

    /**
     * Runs with the arguments that follow the name. Writes its result to {@code output} (standard output,
     * which carries nothing else) and its complaints to standard error; returns the exit status.
     */
    int run(List<String> arguments, PrintStream output);
}
