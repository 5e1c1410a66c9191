package org.vpspanel.agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one place where the agent runs external programs. Commands are argument lists, never shell strings.
 * A child's output goes to files, not pipes: a container started by runc inherits them and may outlive the
 * call, and a pipe the caller waits on would then never close.
 */
public final class Commands {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_OUTPUT_CHARS = 1 << 20;
    /** Where the files of commands' output and input go; null: the system's temporary directory. */
    private static volatile Path scratchDir;

    private Commands() {
    }

    /**
     * Keeps the files of this process's commands in {@code directory} from now on, and removes what an earlier
     * process left there. The agent gives its state directory's, which only it uses (it holds the state
     * directory's lock): killed mid-command, it leaves those files there, for its next start to remove, and
     * none in /tmp.
     */
    public static void keepFilesIn(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (var stale = Files.list(directory)) {
            for (Path file : stale.toList()) {
                Files.deleteIfExists(file);
            }
        }
        scratchDir = directory;
    }

    private static Path scratchFile(String suffix, FileAttribute<?>... attributes) throws IOException {
        Path directory = scratchDir;
        return directory == null ? Files.createTempFile("vps-agent-cmd", suffix, attributes)
                : Files.createTempFile(directory, "cmd", suffix, attributes);
    }

    /** What a finished command printed and how it exited. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs a command and fails with {@link CommandException} unless it exits 0. */
    public static String run(String... command) {
        return run(List.of(command));
    }

    public static String run(List<String> command) {
        return run(Map.of(), command);
    }

    /** Runs a long command (debootstrap) with its own time limit; fails unless it exits 0. */
    public static String run(List<String> command, Duration timeout) {
        return succeeded(attempt(Map.of(), command, timeout, null));
    }

    private static String succeeded(Result result) {
        if (!result.succeeded()) {
            throw new CommandException(result);
        }
        return result.stdout();
    }

    /** Runs a command with extra environment variables; fails unless it exits 0. */
    public static String run(Map<String, String> environment, List<String> command) {
        return succeeded(attempt(environment, command, DEFAULT_TIMEOUT, null));
    }

    /**
     * Runs many commands of one program in one process, {@code program... -batch FILE} (ip, tc): the file holds
     * one command's arguments a line, which the program splits at spaces itself (no shell is involved), so every
     * argument must be a plain word. Stops at the first command that fails and fails like {@link #run}.
     */
    public static String runBatch(List<String> program, List<List<String>> commands) {
        StringBuilder lines = new StringBuilder();
        for (List<String> command : commands) {
            for (String argument : command) {
                if (!argument.matches("[A-Za-z0-9_.:/@+,=-]+")) {
                    throw new IllegalArgumentException("not a plain word for a batch line: '" + argument + "'");
                }
            }
            lines.append(String.join(" ", command)).append('\n');
        }
        Path file = null;
        try {
            file = scratchFile(".batch");
            Files.writeString(file, lines);
            List<String> command = new java.util.ArrayList<>(program);
            command.addAll(List.of("-batch", file.toString()));
            return succeeded(attempt(Map.of(), command, DEFAULT_TIMEOUT, null));
        } catch (IOException e) {
            throw new CommandException(new Result(program, -1, "", e.getMessage()));
        } finally {
            deleteQuietly(file);
        }
    }

    /** Runs a command and returns its result whatever its exit code (for probes and best-effort cleanup). */
    public static Result attempt(String... command) {
        return attempt(List.of(command), DEFAULT_TIMEOUT, null);
    }

    /**
     * Runs a command with a time limit. When {@code inheritedOutput} is given, the child's stdout and stderr
     * are appended to that file (for runc, whose container keeps writing there after runc exits) and the
     * result carries the file's new tail as stderr.
     */
    public static Result attempt(List<String> command, Duration timeout, Path inheritedOutput) {
        return attempt(Map.of(), command, timeout, inheritedOutput);
    }

    /**
     * Runs a command with {@code input} on its stdin, passed through a file only root can read, so that
     * secrets (passwords) never appear in a command line.
     */
    public static Result attemptWithInput(List<String> command, String input, Duration timeout) {
        Path in = null;
        try {
            in = scratchFile(".in", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(in, input);
            return attempt(Map.of(), command, timeout, null, in);
        } catch (IOException e) {
            return new Result(command, -1, "", e.getMessage());
        } finally {
            deleteQuietly(in);
        }
    }

    /**
     * Starts a long-lived command whose stdin, stdout and stderr are a terminal (a PTY slave or /dev/tty);
     * the caller talks to it through the terminal, never through pipes.
     */
    public static Process startOnTerminal(List<String> command, Path terminal) {
        try {
            return new ProcessBuilder(command).redirectInput(terminal.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(terminal.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(terminal.toFile())).start();
        } catch (IOException e) {
            throw new CommandException(new Result(command, -1, "", e.getMessage()));
        }
    }

    /** Runs a short command on a terminal (stty on the admin's /dev/tty) and waits for it. */
    public static Result attemptOnTerminal(List<String> command, Path terminal) {
        return attempt(Map.of(), command, DEFAULT_TIMEOUT, null, terminal);
    }

    private static Result attempt(Map<String, String> environment, List<String> command, Duration timeout,
                                  Path inheritedOutput) {
        return attempt(environment, command, timeout, inheritedOutput, Path.of("/dev/null"));
    }

    private static Result attempt(Map<String, String> environment, List<String> command, Duration timeout,
                                  Path inheritedOutput, Path input) {
        Path out = null;
        Path err = null;
        long t0 = System.nanoTime();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(input.toFile());
            builder.environment().putAll(environment);
            long logStart = 0;
            if (inheritedOutput != null) {
                logStart = Files.exists(inheritedOutput) ? Files.size(inheritedOutput) : 0;
                ProcessBuilder.Redirect append = ProcessBuilder.Redirect.appendTo(inheritedOutput.toFile());
                builder.redirectOutput(append).redirectError(append);
            } else {
                out = scratchFile(".out");
                err = scratchFile(".err");
                builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(command, -1, "", "timed out after " + timeout.toSeconds() + " s");
            }
            if (inheritedOutput != null) {
                return new Result(command, process.exitValue(), "", readFrom(inheritedOutput, logStart));
            }
            return new Result(command, process.exitValue(), readFrom(out, 0), readFrom(err, 0));
        } catch (IOException e) {
            return new Result(command, -1, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, -1, "", "interrupted");
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
            StepClock.commandRan(System.nanoTime() - t0);
        }
    }

    private static String readFrom(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = (int) Math.max(Math.min(offset, bytes.length), bytes.length - (long) MAX_OUTPUT_CHARS);
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the command's result matters more
            }
        }
    }
}
