package org.vpspanel.agent.partition;

/** How a command run inside a partition ended and what it printed. */
public record ExecResult(int exitCode, String stdout, String stderr) {
}
