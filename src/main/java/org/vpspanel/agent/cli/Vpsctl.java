package org.vpspanel.agent.cli;

import org.vpspanel.agent.AgentClient;
import org.vpspanel.agent.AgentEndpoint;
import org.vpspanel.agent.ConsoleClient;
import org.vpspanel.agent.ConsoleInput;
import org.vpspanel.agent.TerminalSize;

import org.vpspanel.agent.Json;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sun.misc.Signal;

/**
 * vpsctl, the admin's command line for the local agent: one request per command, a readable table or
 * message (or the agent's JSON with --json), exit 0 on success and 1 with a one-line reason otherwise
 * (2 for a command line it cannot read; exec exits with the command's own code).
 */
public final class Vpsctl {

    /** Long enough for a create that bootstraps the debian-12 template first. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final PrintStream out;
    private final PrintStream err;

    public Vpsctl(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Vpsctl(System.out, System.err).run(args));
    }

    /** Runs one command line and returns the exit code. */
    public int run(String[] args) {
        Invocation invocation;
        try {
            invocation = VpsctlArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("vpsctl: " + e.getMessage());
            err.println(VpsctlArguments.USAGE);
            return 2;
        }
        try (AgentClient client = new AgentClient(new AgentEndpoint.Local(invocation.socket()))) {
            return execute(client, invocation);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("vpsctl: " + e.getMessage());
            return 1;
        }
    }

    private int execute(AgentClient client, Invocation inv) {
        String path = inv.id() == null ? "/v1/partitions" : "/v1/partitions/" + inv.id();
        return switch (inv.action()) {
            case "create" -> {
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("hostname", inv.options().get("hostname"));
                spec.put("template", inv.options().get("template"));
                putNetworkAndAutostart(spec, inv);
                spec.put("resources", validResources(Resources.parse(inv.resources())));
                yield report(inv, client.send("PUT", path, spec, true, DEFAULT_TIMEOUT), "created " + inv.id());
            }
            case "set" -> {
                AgentClient.Answer current = client.send("GET", path, null, false, DEFAULT_TIMEOUT);
                if (!current.ok()) {
                    yield failure(current);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) Json.readObject(current.body()).get("spec"));
                inv.options().forEach((name, value) -> {
                    if (name.equals("hostname")) {
                        spec.put("hostname", value);
                    }
                });
                putNetworkAndAutostart(spec, inv);
                @SuppressWarnings("unchecked")
                Map<String, String> resources = new LinkedHashMap<>((Map<String, String>) spec.get("resources"));
                resources.putAll(inv.resources());
                spec.put("resources", validResources(Resources.parse(resources)));
                AgentClient.Answer answer = client.send("PUT", path, spec, false, DEFAULT_TIMEOUT);
                yield inv.json() || !answer.ok() ? report(inv, answer, null) : describeChange(answer);
            }
            case "start" -> report(inv, client.send("POST", path + "/start", Map.of(), false, DEFAULT_TIMEOUT), "started " + inv.id());
            case "reinstall" -> {
                Map<String, Object> body = new LinkedHashMap<>();
                if (inv.options().containsKey("template")) {
                    body.put("template", inv.options().get("template"));
                }
                yield report(inv, client.send("POST", path + "/reinstall", body, false, DEFAULT_TIMEOUT), "reinstalled " + inv.id());
            }
            case "stop", "restart" -> {
                Map<String, Object> body = new LinkedHashMap<>();
                if (inv.options().containsKey("timeout")) {
                    body.put("timeoutSeconds", Integer.parseInt(inv.options().get("timeout")));
                }
                yield report(inv, client.send("POST", path + "/" + inv.action(), body, false, DEFAULT_TIMEOUT),
                        (inv.action().equals("stop") ? "stopped " : "restarted ") + inv.id());
            }
            case "destroy" -> report(inv, client.send("DELETE", path, null, false, DEFAULT_TIMEOUT), "destroyed " + inv.id());
            case "exec" -> exec(client, inv, path);
            case "console" -> console(inv);
            case "password" -> {
                String password = readLine();
                yield report(inv, client.send("POST", path + "/password", Map.of("password", password), false, DEFAULT_TIMEOUT),
                        "root password of " + inv.id() + " set");
            }
            case "ssh-keys" -> {
                List<String> keys = readKeys(Path.of(inv.options().get("file")));
                yield report(inv, client.send("POST", path + "/ssh-keys", Map.of("keys", keys), false, DEFAULT_TIMEOUT),
                        keys.size() + " SSH key(s) installed in " + inv.id());
            }
            case "list" -> show(inv, client.send("GET", path, null, false, DEFAULT_TIMEOUT), Tables::partitions);
            case "status" -> show(inv, client.send("GET", path, null, false, DEFAULT_TIMEOUT), Tables::status);
            case "usage" -> show(inv, client.send("GET", path + "/usage", null, false, DEFAULT_TIMEOUT), Tables::usage);
            case "enroll" -> enroll(client, inv);
            case "trust" -> inv.id().equals("list")
                    ? show(inv, client.send("GET", "/v1/trust", null, false, DEFAULT_TIMEOUT), Tables::trustedPanels)
                    : report(inv, client.send("DELETE", "/v1/trust/" + inv.options().get("fingerprint"), null, false, DEFAULT_TIMEOUT),
                    "the panel with the certificate " + inv.options().get("fingerprint") + " is no longer trusted");
            default -> throw new IllegalArgumentException("unknown command " + inv.action());
        };
    }

    /** Asks the agent for a one-time enrollment token and says what to do with it. */
    private int enroll(AgentClient client, Invocation inv) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (inv.options().containsKey("address")) {
            body.put("address", inv.options().get("address"));
        }
        if (inv.options().containsKey("valid")) {
            body.put("validSeconds", Integer.parseInt(inv.options().get("valid")));
        }
        AgentClient.Answer answer = client.send("POST", "/v1/trust/tokens", body, false, DEFAULT_TIMEOUT);
        if (!answer.ok() || inv.json()) {
            return report(inv, answer, null);
        }
        Map<String, Object> issued = Json.readObject(answer.body());
        out.println("Enrollment token (use once, valid until " + issued.get("expiresAt") + "):");
        out.println();
        out.println("  " + issued.get("token"));
        out.println();
        out.println("Agent address:     " + issued.get("address"));
        out.println("Agent certificate: " + issued.get("fingerprint"));
        out.println();
        out.println("In the panel: Nodes > Add node, with this address and token. The panel shows the agent's");
        out.println("certificate from the token (compare it with the one above) and its own; `vpsctl trust list`");
        out.println("shows the panel's afterwards.");
        return 0;
    }

    private static void putNetworkAndAutostart(Map<String, Object> spec, Invocation inv) {
        if (inv.options().containsKey("ip")) {
            spec.put("ipv4", List.of(inv.options().get("ip").split(",")));
        }
        if (inv.options().containsKey("gateway")) {
            spec.put("gateway", inv.options().get("gateway"));
        }
        if (inv.options().containsKey("autostart")) {
            spec.put("autostart", Boolean.parseBoolean(inv.options().get("autostart")));
        }
    }

    /** Checked here too, so that a bad value is refused before the agent is asked. */
    private static Map<String, String> validResources(Resources resources) {
        List<FieldViolation> violations = resources.violations();
        if (!violations.isEmpty()) {
            FieldViolation first = violations.getFirst();
            String flag = ResourceField.byFieldName(first.field()).map(ResourceField::flag).orElse(first.field());
            throw new IllegalArgumentException(flag + ": " + first.message());
        }
        return resources.toText();
    }

    private int exec(AgentClient client, Invocation inv, String path) {
        int timeout = Integer.parseInt(inv.options().getOrDefault("timeout", "60"));
        AgentClient.Answer answer = client.send("POST", path + "/exec", Map.of("args", inv.command(), "timeoutSeconds", timeout),
                false, Duration.ofSeconds(timeout + 30L));
        if (!answer.ok()) {
            return failure(answer);
        }
        if (inv.json()) {
            out.print(answer.body());
            return 0;
        }
        Map<String, Object> result = Json.readObject(answer.body());
        out.print(result.get("stdout"));
        err.print(result.get("stderr"));
        return ((Number) result.get("exitCode")).intValue();
    }

    /**
     * Attaches this terminal to a login shell in the partition. The local terminal goes raw (keys pass
     * through as typed, the partition's terminal echoes) and is restored afterwards; exit or Ctrl-D ends it.
     * The shell starts at this terminal's size and follows it when the terminal is resized (SIGWINCH).
     */
    private int console(Invocation inv) {
        Path tty = Path.of("/dev/tty");
        boolean terminal = System.console() != null && System.console().isTerminal();
        ConsoleInput input = new ConsoleInput();
        TerminalSize size = TerminalSize.DEFAULT;
        String saved = null;
        if (terminal) {
            size = terminalSize(tty).orElse(size);
            saved = Commands.attemptOnTerminal(List.of("stty", "-g"), tty).stdout().strip();
            Commands.attemptOnTerminal(List.of("stty", "raw", "-echo"), tty);
            Signal.handle(new Signal("WINCH"), resized -> terminalSize(tty).ifPresent(input::resize));
        }
        Thread.ofPlatform().name("vpsctl-console-keys").daemon().start(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = System.in.read(buffer)) > 0; ) {
                    input.keys(Arrays.copyOf(buffer, n));
                }
            } catch (IOException e) {
                // stdin broke: the same as its end
            }
            input.end();
        });
        try {
            ConsoleClient.attach(new AgentEndpoint.Local(inv.socket()), inv.id(), size, input, out);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (saved != null) {
                Commands.attemptOnTerminal(List.of("stty", saved), tty);
            }
        }
    }

    /** The local terminal's size as {@code stty size} tells it, if it tells one a console can take. */
    private static Optional<TerminalSize> terminalSize(Path tty) {
        String[] size = Commands.attemptOnTerminal(List.of("stty", "size"), tty).stdout().strip().split(" ");
        try {
            return Optional.of(new TerminalSize(Integer.parseInt(size[0]), Integer.parseInt(size[size.length - 1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // no number, or out of range (a terminal that knows no size says 0 0)
        }
    }

    private int describeChange(AgentClient.Answer answer) {
        Map<String, Object> result = Json.readObject(answer.body());
        if (!Boolean.TRUE.equals(result.get("changed"))) {
            out.println("nothing changed");
            return 0;
        }
        out.println("applied: " + join(result.get("appliedLive")));
        List<?> restart = (List<?>) result.get("needsRestart");
        if (!restart.isEmpty()) {
            out.println("takes effect at the next restart: " + join(restart));
        }
        List<?> reinstall = (List<?>) result.get("needsReinstall");
        if (!reinstall.isEmpty()) {
            out.println("takes effect on reinstall: " + join(reinstall));
        }
        return 0;
    }

    private static String join(Object names) {
        List<?> list = (List<?>) names;
        return list.isEmpty() ? "-" : String.join(", ", list.stream().map(Object::toString).toList());
    }

    private int report(Invocation inv, AgentClient.Answer answer, String message) {
        if (!answer.ok()) {
            return failure(answer);
        }
        out.println(inv.json() ? answer.body().strip() : message);
        return 0;
    }

    private int show(Invocation inv, AgentClient.Answer answer, java.util.function.Function<Object, String> table) {
        if (!answer.ok()) {
            return failure(answer);
        }
        out.print(inv.json() ? answer.body() : table.apply(parse(answer.body())));
        return 0;
    }

    private static Object parse(String body) {
        String trimmed = body.strip();
        return trimmed.startsWith("[") ? Json.convert(Json.readObject("{\"items\":" + trimmed + "}").get("items"), List.class) : Json.readObject(trimmed);
    }

    private int failure(AgentClient.Answer answer) {
        err.println("vpsctl: " + answer.error());
        return 1;
    }

    private static String readLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("give the new password on stdin");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readKeys(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
