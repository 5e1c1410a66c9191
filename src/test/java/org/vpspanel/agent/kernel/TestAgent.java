package org.vpspanel.agent.kernel;

import org.vpspanel.agent.AgentMain;
import org.vpspanel.agent.cgroup.Cgroups;
import org.vpspanel.agent.cli.Vpsctl;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.network.NftRuleset;
import org.vpspanel.agent.partition.AgentConfig;
import org.vpspanel.agent.partition.PartitionManager;
import org.vpspanel.agent.partition.PartitionStatus;
import org.vpspanel.agent.protocol.AgentApi;
import org.vpspanel.agent.protocol.AgentServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real agent for kernel tests, with a prefix and state directory of its own ("vpt" and four random
 * characters), serving on a socket in that directory. {@link #close()} removes every host object that
 * carries the prefix, whatever state a failed test left.
 */
final class TestAgent implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String prefix;
    final Path stateDir;
    final Path socket;
    private final AgentConfig config;
    private PartitionManager manager;
    private AgentServer server;

    private TestAgent(AgentConfig config) {
        this.config = config;
        this.prefix = config.prefix();
        this.stateDir = config.stateDir();
        this.socket = config.socket();
    }

    /** Starts an agent, or skips the test where the host cannot run partitions (not root, no runc). */
    static TestAgent start() {
        assumeTrue(AgentMain.isRoot(), "kernel tests need root");
        assumeTrue(Commands.attempt("runc", "--version").succeeded(), "kernel tests need runc");
        assumeTrue(Commands.attempt("mkfs.xfs", "-V").succeeded(), "kernel tests need xfsprogs");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder prefix = new StringBuilder("vpt");
        for (int i = 0; i < 4; i++) {
            prefix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        Path stateDir = Path.of("/tmp", prefix.toString());
        // a uid range of its own, far from the default agent's and from other test runs'
        long uidBase = (20_000L + RANDOM.nextInt(9_000)) * AgentConfig.UIDS_PER_PARTITION;
        TestAgent agent = new TestAgent(new AgentConfig(stateDir, prefix.toString(), stateDir.resolve("agent.sock"), uidBase,
                Duration.ofSeconds(10), AgentConfig.defaults().debianMirror()));
        agent.boot();
        return agent;
    }

    private void boot() {
        manager = new PartitionManager(config, Cgroups.probe());
        manager.recover();
        try {
            server = AgentServer.start(new AgentApi(manager, Map.of("protocol", "v1", "prefix", prefix)), socket, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    PartitionManager manager() {
        return manager;
    }

    /** Stops the agent as a crash or upgrade would, leaving partitions as they are, and starts a new one. */
    void restart() throws Exception {
        server.close();
        boot();
    }

    /** What vpsctl printed and how it exited. */
    record Cli(int exitCode, String out, String err) {
    }

    Cli vpsctl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--socket", socket.toString()));
        argv.addAll(List.of(args));
        int exit = new Vpsctl(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(argv.toArray(String[]::new));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a shell command inside a partition; fails the test if the agent refuses. */
    Commands.Result sh(String id, String script) {
        var result = manager.exec(id, List.of("sh", "-c", script), Duration.ofSeconds(60));
        return new Commands.Result(List.of("sh", "-c", script), result.exitCode(), result.stdout(), result.stderr());
    }

    /** A cgroup v1 control file of a partition, e.g. ("memory", "p1", "memory.limit_in_bytes"). */
    String cgroupFile(String controller, String id, String file) throws IOException {
        return Files.readString(Path.of("/sys/fs/cgroup", controller, manager.hostName(id), file)).strip();
    }

    /** Every host object with this agent's prefix that still exists. */
    List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                try (Stream<Path> groups = Files.list(hierarchy)) {
                    groups.filter(g -> g.getFileName().toString().startsWith(prefix)).forEach(g -> left.add("cgroup " + g));
                }
            }
        }
        Commands.run("ip", "netns", "list").lines().filter(line -> line.startsWith(prefix)).forEach(ns -> left.add("netns " + ns));
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            links.map(l -> l.getFileName().toString()).filter(l -> l.startsWith(prefix)).forEach(l -> left.add("link " + l));
        }
        Commands.run("nft", "list", "tables").lines().filter(line -> line.endsWith(" " + prefix)).forEach(t -> left.add("nft " + t));
        Commands.run("losetup", "--list", "--noheadings", "--output", "NAME,BACK-FILE").lines()
                .filter(line -> line.contains(stateDir.toString())).forEach(l -> left.add("loop " + l.strip()));
        Files.readAllLines(Path.of("/proc/mounts")).stream().filter(line -> line.contains(stateDir.toString()))
                .forEach(m -> left.add("mount " + m));
        if (Files.isDirectory(stateDir.resolve("partitions"))) {
            try (Stream<Path> dirs = Files.list(stateDir.resolve("partitions"))) {
                dirs.forEach(d -> left.add("directory " + d));
            }
        }
        return left;
    }

    /** Closes the agent (if it started) and fails the test if anything with its prefix is left. */
    static void closeLeavingNothing(TestAgent agent) throws Exception {
        if (agent != null) {
            agent.close();
            org.assertj.core.api.Assertions.assertThat(agent.leftovers()).isEmpty();
        }
    }

    /** Destroys every partition, then sweeps whatever carries the prefix, then the state directory. */
    @Override
    public void close() throws Exception {
        try {
            for (PartitionStatus partition : manager.list()) {
                try {
                    manager.destroy(partition.id());
                } catch (RuntimeException e) {
                    System.err.println("test cleanup: destroying " + partition.id() + " failed: " + e.getMessage());
                }
            }
        } finally {
            server.close();
            sweep();
        }
    }

    private void sweep() throws IOException {
        Path runcRoot = stateDir.resolve("runc");
        if (Files.isDirectory(runcRoot)) {
            try (Stream<Path> containers = Files.list(runcRoot)) {
                containers.forEach(c -> Commands.attempt("runc", "--root", runcRoot.toString(), "delete", "--force", c.getFileName().toString()));
            }
        }
        for (String mount : Files.readAllLines(Path.of("/proc/mounts"))) {
            String target = mount.split(" ")[1];
            if (target.startsWith(stateDir.toString())) {
                Commands.attempt("umount", "-l", target);
            }
        }
        Commands.run("losetup", "--list", "--noheadings", "--output", "NAME,BACK-FILE").lines()
                .filter(line -> line.contains(stateDir.toString()))
                .forEach(line -> Commands.attempt("losetup", "--detach", line.strip().split("\\s+")[0]));
        Commands.run("ip", "netns", "list").lines().filter(line -> line.startsWith(prefix))
                .forEach(ns -> Commands.attempt("ip", "netns", "delete", ns.split(" ")[0]));
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            links.map(l -> l.getFileName().toString()).filter(l -> l.startsWith(prefix))
                    .forEach(l -> Commands.attempt("ip", "link", "delete", l));
        }
        Path rules = Files.createTempFile(prefix, ".nft");
        Files.writeString(rules, NftRuleset.renderRemoval(prefix));
        Commands.attempt("nft", "-f", rules.toString());
        Files.delete(rules);
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                try (Stream<Path> groups = Files.list(hierarchy)) {
                    groups.filter(g -> g.getFileName().toString().startsWith(prefix)).forEach(g -> g.toFile().delete());
                }
            }
        }
        if (Files.readAllLines(Path.of("/proc/mounts")).stream().noneMatch(m -> m.contains(stateDir.toString()))) {
            Commands.attempt("rm", "-rf", "--one-file-system", stateDir.toString());
        }
    }
}
