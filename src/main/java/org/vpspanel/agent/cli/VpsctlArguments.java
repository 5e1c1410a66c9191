package org.vpspanel.agent.cli;

import org.vpspanel.resources.ResourceField;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads vpsctl's command line strictly: unknown commands, flags and values are refused with one line. */
public final class VpsctlArguments {

    public static final Path DEFAULT_SOCKET = Path.of("/run/vpspanel-agent.sock");
    static final String USAGE = """
            usage: vpsctl [--socket PATH] [--json] COMMAND ...
              create ID --template busybox|debian-12 --hostname NAME [--ip ADDR/PREFIX[,ADDR/PREFIX...] --gateway ADDR] [--autostart true|false] [RESOURCE FLAGS]
              set ID [--hostname NAME] [--ip ADDR/PREFIX[,ADDR/PREFIX...]] [--gateway ADDR] [--autostart true|false] [RESOURCE FLAGS]
              start|destroy ID
              reinstall ID [--template busybox|debian-12]
              stop|restart ID [--timeout SECONDS]
              exec ID [--timeout SECONDS] -- COMMAND [ARGS...]
              console ID
              password ID            (reads the new root password from stdin)
              ssh-keys ID FILE       (installs root's authorized keys from FILE)
              list | status ID | usage ID
              enroll [--address HOST:PORT] [--valid 1h]   (a one-time token that lets a panel add this node)
              trust list | trust remove FINGERPRINT       (the panels this agent accepts over TCP)
            resource flags:\s""" + String.join(" ", java.util.Arrays.stream(ResourceField.values()).map(ResourceField::flag).toList());

    private static final Set<String> WITHOUT_ID = Set.of("list", "enroll");
    private static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
            Map.entry("create", Set.of("template", "hostname", "ip", "gateway", "autostart")),
            Map.entry("set", Set.of("hostname", "ip", "gateway", "autostart")),
            Map.entry("start", Set.of()), Map.entry("destroy", Set.of()), Map.entry("reinstall", Set.of("template")),
            Map.entry("stop", Set.of("timeout")), Map.entry("restart", Set.of("timeout")),
            Map.entry("exec", Set.of("timeout")), Map.entry("console", Set.of()), Map.entry("password", Set.of()),
            Map.entry("ssh-keys", Set.of()), Map.entry("list", Set.of()), Map.entry("status", Set.of()),
            Map.entry("usage", Set.of()), Map.entry("enroll", Set.of("address", "valid")), Map.entry("trust", Set.of()));
    private static final Set<String> WITH_RESOURCES = Set.of("create", "set");

    private VpsctlArguments() {
    }

    public static Invocation parse(String[] args) {
        Path socket = DEFAULT_SOCKET;
        boolean json = false;
        int i = 0;
        while (i < args.length && args[i].startsWith("--")) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--socket" -> socket = Path.of(value(args, i++));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' before the command");
            }
            i++;
        }
        if (i >= args.length) {
            throw new IllegalArgumentException("no command given");
        }
        String action = args[i++];
        Set<String> allowed = OPTIONS.get(action);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown command '" + action + "'");
        }
        String id = null;
        if (!WITHOUT_ID.contains(action)) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(action.equals("trust") ? "trust needs list or remove" : action + " needs a partition id");
            }
            id = args[i++];
        }
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> resources = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--") && action.equals("exec")) {
                command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                ResourceField field = resourceFlag(arg);
                if (field != null && WITH_RESOURCES.contains(action)) {
                    String text = value(args, i++);
                    try {
                        field.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(arg + ": " + e.getMessage());
                    }
                    resources.put(field.fieldName(), text);
                } else if (allowed.contains(name)) {
                    options.put(name, value(args, i++));
                } else {
                    throw new IllegalArgumentException("unknown option '" + arg + "' for " + action);
                }
            } else {
                positional.add(arg);
            }
        }
        if (action.equals("ssh-keys")) {
            if (positional.size() != 1) {
                throw new IllegalArgumentException("ssh-keys needs one file of public keys");
            }
            options.put("file", positional.getFirst());
        } else if (action.equals("trust")) {
            // the id's place holds the sub-command
            if (!id.equals("list") && !id.equals("remove")) {
                throw new IllegalArgumentException("trust needs list or remove, not '" + id + "'");
            }
            if (positional.size() != (id.equals("remove") ? 1 : 0)) {
                throw new IllegalArgumentException(id.equals("remove") ? "trust remove needs one fingerprint" : "trust list takes no arguments");
            }
            if (id.equals("remove")) {
                options.put("fingerprint", positional.getFirst());
            }
        } else if (!positional.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + positional.getFirst() + "'");
        }
        if (action.equals("exec") && command.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command after --");
        }
        if (action.equals("create")) {
            for (String required : List.of("template", "hostname")) {
                if (!options.containsKey(required)) {
                    throw new IllegalArgumentException("create needs --" + required);
                }
            }
        }
        for (String flag : List.of("timeout")) {
            if (options.containsKey(flag) && !options.get(flag).matches("\\d{1,4}")) {
                throw new IllegalArgumentException("--" + flag + " must be a whole number of seconds");
            }
        }
        if (options.containsKey("valid")) {
            options.put("valid", Long.toString(seconds(options.get("valid"))));
        }
        if (options.containsKey("autostart") && !options.get("autostart").matches("true|false")) {
            throw new IllegalArgumentException("--autostart must be true or false");
        }
        return new Invocation(action, id, options, resources, command, json, socket);
    }

    /** A duration such as 90s, 30m, 1h or 7d, in seconds. */
    private static long seconds(String text) {
        if (!text.matches("\\d{1,6}[smhd]")) {
            throw new IllegalArgumentException("--valid takes a number with s, m, h or d, e.g. 1h, not '" + text + "'");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return n * switch (text.charAt(text.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            default -> 86_400;
        };
    }

    private static ResourceField resourceFlag(String flag) {
        for (ResourceField field : ResourceField.values()) {
            if (field.flag().equals(flag)) {
                return field;
            }
        }
        return null;
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }
}
