package org.vpspanel.agent.runtime;

import org.vpspanel.agent.Json;
import org.vpspanel.agent.host.CommandException;
import org.vpspanel.agent.host.Commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** runc, with its state kept under the agent's state directory so that only our containers are seen. */
public final class Runc {

    /** What runc reports about a container; NONE when it does not know the id. */
    public enum Status { NONE, CREATED, RUNNING, PAUSED, STOPPED }

    private final Path stateRoot;

    public Runc(Path stateRoot) {
        this.stateRoot = stateRoot;
    }

    /**
     * Creates a container from a bundle: its namespaces exist and its init waits for {@link #start}. The
     * container inherits {@code consoleLog} as its stdout and stderr, which is also where runc's own errors land.
     */
    public long create(String containerId, Path bundle, Path consoleLog) {
        Path pidFile = bundle.resolve("init.pid");
        Commands.Result result = Commands.attempt(command("create", "--bundle", bundle.toString(), "--pid-file", pidFile.toString(),
                containerId), Duration.ofSeconds(60), consoleLog);
        if (!result.succeeded()) {
            throw new CommandException(result);
        }
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("runc wrote no pid file for " + containerId, e);
        }
    }

    public void start(String containerId) {
        Commands.run(command("start", containerId));
    }


    public Status status(String containerId) {
        if (!Files.isDirectory(stateRoot.resolve(containerId))) {
            return Status.NONE; // runc keeps a directory per container; without one there is nothing to ask
        }
        Commands.Result result = Commands.attempt(command("state", containerId), Duration.ofSeconds(30), null);
        if (!result.succeeded()) {
            return Status.NONE;
        }
        return statusOf(Json.readObject(result.stdout()));
    }

    /**
     * The status of every container runc knows, by id, from one call (runc checks each init's pid, so a
     * container whose init died is STOPPED). Ids it does not list are {@link Status#NONE}.
     */
    public Map<String, Status> statuses() {
        Map<String, Status> statuses = new HashMap<>();
        for (Map<String, Object> container : Json.readObjects(Commands.run(command("list", "--format", "json")))) {
            statuses.put(String.valueOf(container.get("id")), statusOf(container));
        }
        return statuses;
    }

    private static Status statusOf(Map<String, Object> state) {
        return Status.valueOf(String.valueOf(state.get("status")).toUpperCase(Locale.ROOT));
    }

    /** Signals the container's init, or with {@code everyProcess} all of its processes. */
    public void kill(String containerId, String signal, boolean everyProcess) {
        List<String> args = everyProcess ? List.of("kill", "--all", containerId, signal) : List.of("kill", containerId, signal);
        Commands.attempt(command(args.toArray(String[]::new)), Duration.ofSeconds(30), null);
    }

    /** Removes a container that runc knows, killing what is left of it. */
    public void delete(String containerId) {
        Commands.Result result = Commands.attempt(command("delete", "--force", containerId), Duration.ofSeconds(30), null);
        if (!result.succeeded() && status(containerId) != Status.NONE) {
            throw new CommandException(result);
        }
    }

    /** Runs a command inside a running container and waits at most {@code timeout} for it. */
    public Commands.Result exec(String containerId, List<String> args, Duration timeout) {
        List<String> argv = new ArrayList<>(command("exec", containerId));
        argv.addAll(args);
        return Commands.attempt(argv, timeout, null);
    }

    /** The command line of a login shell in the container on runc's own terminal (for a console). */
    public List<String> shellOnTerminal(String containerId) {
        return command("exec", "--tty", containerId, "/bin/sh", "-l");
    }

    /** Like {@link #exec}, with {@code input} on the command's stdin. */
    public Commands.Result execWithInput(String containerId, List<String> args, String input, Duration timeout) {
        List<String> argv = new ArrayList<>(command("exec", containerId));
        argv.addAll(args);
        return Commands.attemptWithInput(argv, input, timeout);
    }

    private List<String> command(String... args) {
        List<String> argv = new ArrayList<>(List.of("runc", "--root", stateRoot.toString()));
        argv.addAll(List.of(args));
        return argv;
    }
}
