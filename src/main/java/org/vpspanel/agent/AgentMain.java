package org.vpspanel.agent;

import org.vpspanel.agent.cgroup.Cgroups;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.partition.AgentConfig;
import org.vpspanel.agent.partition.PartitionManager;
import org.vpspanel.agent.protocol.AgentApi;
import org.vpspanel.agent.protocol.AgentServer;
import org.vpspanel.agent.protocol.TrustApi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Entry point of the host agent (bin/vps-agent): runs in the foreground as root, serves the agent
 * protocol on a Unix domain socket and, with --listen, over TLS for remote panels. No Spring context, no
 * Vaadin, no JPA.
 */
public final class AgentMain {

    static final String USAGE = "usage: vps-agent [--state-dir DIR] [--prefix NAME] [--socket PATH] [--group GROUP] [--uid-base N] [--debian-mirror URL] [--listen ADDRESS:PORT]";

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        AgentConfig config;
        String group;
        InetSocketAddress listen;
        try {
            Map<String, String> options = options(args);
            AgentConfig defaults = AgentConfig.defaults();
            config = new AgentConfig(
                    Path.of(options.getOrDefault("--state-dir", defaults.stateDir().toString())),
                    options.getOrDefault("--prefix", defaults.prefix()),
                    Path.of(options.getOrDefault("--socket", defaults.socket().toString())),
                    Long.parseLong(options.getOrDefault("--uid-base", Long.toString(defaults.uidBase()))),
                    defaults.stopTimeout(),
                    options.getOrDefault("--debian-mirror", defaults.debianMirror()));
            group = options.get("--group");
            listen = options.containsKey("--listen") ? listenAddress(options.get("--listen")) : null;
        } catch (IllegalArgumentException e) {
            System.err.println("vps-agent: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (!isRoot()) {
            System.err.println("vps-agent: must run as root (it creates cgroups, namespaces, links and mounts)");
            System.exit(1);
        }
        Files.createDirectories(config.stateDir());
        try (FileChannel lockFile = FileChannel.open(config.stateDir().resolve("agent.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                System.err.println("vps-agent: another agent uses " + config.stateDir());
                System.exit(1);
            }
            run(config, group, listen);
        }
    }

    /** The version in the jar's manifest; classes run from a build directory have none. */
    private static String version() {
        String version = AgentMain.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** The running kernel's release, as uname -r prints it. */
    private static String kernel() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
    }

    private static void run(AgentConfig config, String group, InetSocketAddress listen) throws Exception {
        Commands.keepFilesIn(config.scratchDir());
        Cgroups cgroups = Cgroups.probe();
        PartitionManager partitions = new PartitionManager(config, cgroups);
        partitions.recover();
        AgentApi api = new AgentApi(partitions, Map.of("protocol", "v1", "version", version(), "kernel", kernel(),
                "prefix", config.prefix(), "stateDir", config.stateDir().toString(), "cgroup", cgroups.version()));
        Path tlsDir = config.stateDir().resolve("tls");
        AgentServer.TcpListener tcp = listen == null ? null
                : new AgentServer.TcpListener(listen, TlsIdentity.loadOrCreate(tlsDir, "agent", "vps-agent " + hostname()));
        TrustApi trust = TrustApi.keptIn(tlsDir, tcp == null ? null : tcp.identity(), tcp == null ? null : tcp.hostAndPort());
        try (AgentServer server = AgentServer.start(api, trust, config.socket(), group, tcp)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close(); // partitions keep running; the next agent adopts them
                } catch (Exception ignored) {
                    // the process is ending anyway
                }
            }));
            if (tcp != null) {
                System.err.println("vps-agent: listening on " + tcp.hostAndPort() + " (TLS; certificate " + tcp.identity().fingerprint() + ")");
            }
            System.err.println("vps-agent: listening on " + config.socket() + " (prefix " + config.prefix()
                    + ", state " + config.stateDir() + ", cgroup " + cgroups.version() + ")");
            server.join();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!java.util.Set.of("--state-dir", "--prefix", "--socket", "--group", "--uid-base", "--debian-mirror", "--listen").contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    /** HOST:PORT or [IPv6]:PORT; 0.0.0.0 listens on every address. */
    static InetSocketAddress listenAddress(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon).replaceAll("^\\[(.*)]$", "$1") : "";
        String port = colon > 0 ? text.substring(colon + 1) : "";
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--listen takes ADDRESS:PORT, e.g. 0.0.0.0:8443, not '" + text + "'");
        }
        return InetSocketAddress.createUnresolved(host, Integer.parseInt(port));
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Whether this process runs with the real uid 0. */
    public static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:")).anyMatch(line -> line.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
