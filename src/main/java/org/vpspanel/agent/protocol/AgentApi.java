package org.vpspanel.agent.protocol;

import org.vpspanel.agent.Json;
import org.vpspanel.agent.TerminalSize;
import org.vpspanel.agent.console.Console;
import org.vpspanel.agent.host.CommandException;
import org.vpspanel.agent.partition.PartitionException;
import org.vpspanel.agent.partition.PartitionManager;
import org.vpspanel.agent.spec.InvalidSpecException;
import org.vpspanel.agent.spec.Template;
import org.vpspanel.agent.spec.PartitionSpec;
import org.vpspanel.agent.spec.SpecJson;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent protocol, version 1: JSON over HTTP, independent of the HTTP server that carries it.
 * <pre>
 * GET    /v1/agent                        the agent's prefix and cgroup version
 * GET    /v1/partitions                   every partition with its state
 * GET    /v1/partitions/{id}              one partition: state, spec, fields waiting for a restart
 * PUT    /v1/partitions/{id}              desired spec; creates or changes ("If-None-Match: *": create only)
 * DELETE /v1/partitions/{id}              destroy
 * POST   /v1/partitions/{id}/start|stop|restart|reinstall   stop and restart take {"timeoutSeconds": n};
 *                                         reinstall takes {"template": "debian-12"} (default: the one it has)
 * POST   /v1/partitions/{id}/exec         {"args": [...], "timeoutSeconds": n} -> {"exitCode", "stdout", "stderr"}
 * POST   /v1/partitions/{id}/password     {"password": "..."} or {"passwordHash": "$6$salt$hash"} (SHA-512 crypt)
 * POST   /v1/partitions/{id}/ssh-keys     {"keys": ["ssh-ed25519 ..."]} (replaces root's authorized keys; [] removes all)
 * GET    /v1/partitions/{id}/usage        counters
 * POST   /v1/partitions/{id}/console?rows=24&amp;cols=80   a login shell on a terminal: the request body is
 *                                         what is typed, the response body what the terminal prints, both
 *                                         streamed (chunked) until the shell ends
 * </pre>
 * Errors are {"error": message, "field": name-or-null} with 400 (bad input), 404, 405, 409 or 500.
 */
public final class AgentApi {

    private static final System.Logger LOG = System.getLogger("vps-agent");
    private static final Pattern PARTITION = Pattern.compile("/v1/partitions/([^/]+)(?:/([a-z-]+))?");
    private static final Pattern CONSOLE = Pattern.compile("/v1/partitions/([^/]+)/console");
    private static final int MAX_STOP_SECONDS = 600;
    /** SHA-512 crypt as crypt(3) writes it, optionally with its rounds: nothing that could break /etc/shadow. */
    private static final Pattern SHA512_CRYPT = Pattern.compile("\\$6\\$(rounds=[0-9]{4,9}\\$)?[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{86}");

    private final PartitionManager partitions;
    private final Map<String, Object> agentInfo;

    public AgentApi(PartitionManager partitions, Map<String, Object> agentInfo) {
        this.partitions = partitions;
        this.agentInfo = agentInfo;
    }

    /** An answer: HTTP status and a JSON-serialisable body. */
    public record Reply(int status, Object body) {
    }

    /** A console to stream, or why not. */
    public record ConsoleOpening(Console console, Reply refusal) {
    }

    /** Whether the request is for a console, which is streamed rather than answered once. */
    public static boolean isConsole(String method, String path) {
        return method.equals("POST") && CONSOLE.matcher(path).matches();
    }

    public ConsoleOpening openConsole(String path, Map<String, String> query) {
        try {
            Matcher m = CONSOLE.matcher(path);
            if (!m.matches()) {
                throw new ApiException(404, null, "no such endpoint: " + path);
            }
            for (String name : query.keySet()) {
                if (!name.equals("rows") && !name.equals("cols")) {
                    throw new ApiException(400, name, "unknown parameter; use rows and cols");
                }
            }
            TerminalSize size = new TerminalSize(sizeParameter(query, "rows", TerminalSize.DEFAULT.rows()),
                    sizeParameter(query, "cols", TerminalSize.DEFAULT.columns()));
            return new ConsoleOpening(partitions.openConsole(PartitionSpec.requireValidId(m.group(1)), size), null);
        } catch (java.io.IOException e) {
            return new ConsoleOpening(null, error(500, null, e.getMessage()));
        } catch (RuntimeException e) {
            return new ConsoleOpening(null, guarded("POST", path, () -> {
                throw e;
            }));
        }
    }

    private static int sizeParameter(Map<String, String> query, String name, int defaultValue) {
        String value = query.getOrDefault(name, Integer.toString(defaultValue));
        if (!value.matches("\\d{1,4}") || !TerminalSize.allows(Integer.parseInt(value))) {
            throw new ApiException(400, name, "must be a whole number between 1 and " + TerminalSize.MAX);
        }
        return Integer.parseInt(value);
    }

    public Reply handle(String method, String path, boolean createOnly, String body) {
        return guarded(method, path, () -> route(method, path, createOnly, body));
    }

    /** Runs a request, turning the agent's refusals and failures into error replies. */
    static Reply guarded(String method, String path, java.util.function.Supplier<Reply> request) {
        try {
            return request.get();
        } catch (ApiException e) {
            return error(e.status(), e.field(), e.getMessage());
        } catch (InvalidSpecException e) {
            return error(400, e.field(), e.getMessage());
        } catch (PartitionException e) {
            return error(e.reason() == PartitionException.Reason.NOT_FOUND ? 404 : 409, null, e.getMessage());
        } catch (CommandException | IllegalStateException | UnsupportedOperationException | java.io.UncheckedIOException e) {
            LOG.log(System.Logger.Level.ERROR, method + " " + path + " failed: " + e.getMessage());
            return error(500, null, e.getMessage());
        }
    }

    private Reply route(String method, String path, boolean createOnly, String body) {
        if (path.equals("/v1/agent")) {
            requireMethod(method, "GET");
            return new Reply(200, agentInfo);
        }
        if (path.equals("/v1/partitions")) {
            requireMethod(method, "GET");
            return new Reply(200, partitions.list());
        }
        Matcher m = PARTITION.matcher(path);
        if (!m.matches()) {
            throw new ApiException(404, null, "no such endpoint: " + path);
        }
        String id = PartitionSpec.requireValidId(m.group(1));
        String action = m.group(2);
        if (action == null) {
            return switch (method) {
                case "GET" -> new Reply(200, partitions.status(id));
                case "PUT" -> {
                    PartitionSpec spec = SpecJson.read(id, object(body));
                    var result = partitions.apply(spec, createOnly);
                    yield new Reply(result.created() ? 201 : 200, result);
                }
                case "DELETE" -> {
                    partitions.destroy(id);
                    yield new Reply(200, Map.of("id", id, "destroyed", true));
                }
                default -> throw new ApiException(405, null, method + " is not allowed on a partition; use GET, PUT or DELETE");
            };
        }
        if (action.equals("usage")) {
            requireMethod(method, "GET");
            return new Reply(200, partitions.usage(id));
        }
        requireMethod(method, "POST");
        Map<String, Object> request = body == null || body.isBlank() ? Map.of() : object(body);
        return switch (action) {
            case "start" -> {
                Bodies.allowOnly(request, Set.of());
                partitions.start(id);
                yield done(id, "started");
            }
            case "stop" -> {
                Bodies.allowOnly(request, Set.of("timeoutSeconds"));
                partitions.stop(id, Duration.ofSeconds(Bodies.seconds(request, "timeoutSeconds", 10, 0, MAX_STOP_SECONDS)));
                yield done(id, "stopped");
            }
            case "restart" -> {
                Bodies.allowOnly(request, Set.of("timeoutSeconds"));
                partitions.restart(id, Duration.ofSeconds(Bodies.seconds(request, "timeoutSeconds", 10, 0, MAX_STOP_SECONDS)));
                yield done(id, "restarted");
            }
            case "reinstall" -> {
                Bodies.allowOnly(request, Set.of("template"));
                partitions.reinstall(id, request.containsKey("template")
                        ? Template.parse(Bodies.requiredString(request, "template", 32)) : null);
                yield done(id, "reinstalled");
            }
            case "exec" -> {
                Bodies.allowOnly(request, Set.of("args", "timeoutSeconds"));
                List<String> args = Bodies.requiredStrings(request, "args", 1000);
                int timeout = Bodies.seconds(request, "timeoutSeconds", 60, 1, 3600);
                yield new Reply(200, partitions.exec(id, args, Duration.ofSeconds(timeout)));
            }
            case "password" -> {
                Bodies.allowOnly(request, Set.of("password", "passwordHash"));
                if (request.containsKey("passwordHash") == request.containsKey("password")) {
                    throw new ApiException(400, "password", "give either password or passwordHash");
                }
                if (request.containsKey("passwordHash")) {
                    partitions.setRootPasswordHash(id, sha512CryptHash(Bodies.requiredString(request, "passwordHash", 256)));
                } else {
                    partitions.setRootPassword(id, Bodies.requiredString(request, "password", 256));
                }
                yield done(id, "password set");
            }
            case "ssh-keys" -> {
                Bodies.allowOnly(request, Set.of("keys"));
                // an empty list is allowed: then no key logs in
                List<String> keys = request.get("keys") instanceof List<?> none && none.isEmpty() ? List.of()
                        : Bodies.requiredStrings(request, "keys", 100);
                if (keys.stream().anyMatch(key -> key.contains("\n") || !key.startsWith("ssh-") && !key.startsWith("ecdsa-"))) {
                    throw new ApiException(400, "keys", "each key must be one line in OpenSSH form (ssh-ed25519 AAAA..., ssh-rsa ..., ecdsa-...)");
                }
                partitions.setSshKeys(id, keys);
                yield done(id, "SSH keys installed");
            }
            default -> throw new ApiException(404, null, "no action '" + action + "'; use start, stop, restart, reinstall, exec, password, ssh-keys or usage");
        };
    }

    static Map<String, Object> object(String body) {
        try {
            return Json.readObject(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, null, e.getMessage());
        }
    }

    static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiException(405, null, method + " is not allowed here; use " + allowed);
        }
    }

    private static String sha512CryptHash(String hash) {
        if (!SHA512_CRYPT.matcher(hash).matches()) {
            throw new ApiException(400, "passwordHash", "passwordHash must be a SHA-512 crypt hash ($6$salt$hash)");
        }
        return hash;
    }

    private static Reply done(String id, String what) {
        return new Reply(200, Map.of("id", id, "result", what));
    }

    static Reply error(int status, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        return new Reply(status, body);
    }
}
