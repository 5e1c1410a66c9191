package org.vpspanel.agent.kernel;

import org.vpspanel.agent.AgentMain;
import org.vpspanel.agent.cgroup.Cgroups;
import org.vpspanel.agent.cli.Vpsctl;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.partition.AgentConfig;
import org.vpspanel.agent.partition.PartitionManager;
import org.vpspanel.agent.partition.PartitionStatus;
import org.vpspanel.agent.protocol.AgentApi;
import org.vpspanel.agent.protocol.AgentServer;
import org.vpspanel.agent.protocol.TrustApi;
import org.vpspanel.testing.HostObjects;

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
        String prefix = HostObjects.newPrefix("vpt");
        Path stateDir = Path.of("/tmp", prefix);
        // a uid range of its own, far from the default agent's and from other test runs'
        long uidBase = (20_000L + RANDOM.nextInt(9_000)) * AgentConfig.UIDS_PER_PARTITION;
        TestAgent agent = new TestAgent(new AgentConfig(stateDir, prefix, stateDir.resolve("agent.sock"), uidBase,
                Duration.ofSeconds(10), AgentConfig.defaults().debianMirror()));
        agent.boot();
        return agent;
    }

    private void boot() {
        manager = new PartitionManager(config, Cgroups.probe());
        manager.recover();
        try {
            server = AgentServer.start(new AgentApi(manager, Map.of("protocol", "v1", "prefix", prefix)),
                    TrustApi.keptIn(config.stateDir().resolve("tls"), null, null), socket, null, null);
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
        return HostObjects.leftovers(prefix, stateDir);
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
            HostObjects.sweep(prefix, stateDir);
        }
    }

}
