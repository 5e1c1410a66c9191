package org.vpspanel.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vpspanel.agent.AgentClient;
import org.vpspanel.agent.AgentEndpoint;
import org.vpspanel.agent.AgentMain;
import org.vpspanel.agent.Json;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.partition.AgentConfig;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real host agent in a process of its own, as on a node: a prefix and state directory of its own, a
 * socket the panel under test connects to. It can be killed (SIGKILL, as a crash would) and started again
 * on the same state. {@link #close()} destroys its partitions and removes every host object with its prefix.
 */
public final class AgentProcess implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String prefix;
    private final Path stateDir;
    private final long uidBase;
    /** The loopback port it listens on with TLS, or 0 when it serves its socket only. */
    private final int tcpPort;
    private Process process;

    private AgentProcess(String prefix, Path stateDir, long uidBase, int tcpPort) {
        this.prefix = prefix;
        this.stateDir = stateDir;
        this.uidBase = uidBase;
        this.tcpPort = tcpPort;
    }

    /** Starts an agent, or skips the test where this host cannot run partitions (not root, no runc). */
    public static AgentProcess start() throws IOException, InterruptedException {
        return start(0);
    }

    /** Starts an agent that also listens with TLS on a free port of 127.0.0.1, as a remote node's agent does. */
    public static AgentProcess startListening() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        return start(port);
    }

    private static AgentProcess start(int tcpPort) throws IOException, InterruptedException {
        assumeTrue(AgentMain.isRoot(), "tests with a host agent need root");
        assumeTrue(Commands.attempt("runc", "--version").succeeded(), "tests with a host agent need runc");
        String prefix = HostObjects.newPrefix("vpj");
        AgentProcess agent = new AgentProcess(prefix, Path.of("/tmp", prefix),
                (30_000L + RANDOM.nextInt(9_000)) * AgentConfig.UIDS_PER_PARTITION, tcpPort);
        agent.launch();
        return agent;
    }

    /** Where it listens with TLS: 127.0.0.1:PORT. */
    public String tcpAddress() {
        return "127.0.0.1:" + tcpPort;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The agent's output, beside its state directory (kept there while the test runs, for its failures). */
    private Path log() {
        return stateDir.resolveSibling(prefix + "-agent.log");
    }

    public String prefix() {
        return prefix;
    }

    /** The agent's output file, which the test (not the agent) makes, beside its state directory. */
    public Path logFile() {
        return log();
    }

    /** The agent's process id, while it runs. */
    public long pid() {
        return process.pid();
    }

    public Path socket() {
        return stateDir.resolve("agent.sock");
    }

    /** Ends the agent at once, in the middle of whatever it does; its partitions stay as they are. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts a new agent process on the same state, as after a crash or an upgrade. */
    public void launch() throws IOException, InterruptedException {
        Files.createDirectories(stateDir);
        Files.deleteIfExists(socket());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                AgentMain.class.getName(), "--state-dir", stateDir.toString(), "--prefix", prefix,
                "--socket", socket().toString(), "--uid-base", Long.toString(uidBase)));
        if (tcpPort != 0) {
            command.addAll(List.of("--listen", tcpAddress()));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(socket()) || tcpPort != 0 && !accepts(tcpPort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the agent did not start; see " + log());
            }
            Thread.sleep(100);
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A request to the agent, as the panel makes it. */
    public AgentClient.Answer send(String method, String path, Object body) {
        try (AgentClient client = new AgentClient(new AgentEndpoint.Local(socket()))) {
            return client.send(method, path, body, false, Duration.ofMinutes(2));
        }
    }

    /** The partition's state as the agent reports it ("running", "stopped"), or empty when it has none. */
    public java.util.Optional<String> stateOf(String partitionId) {
        AgentClient.Answer answer = send("GET", "/v1/partitions/" + partitionId, null);
        return answer.ok() ? java.util.Optional.of(String.valueOf(Json.readObject(answer.body()).get("state")))
                : java.util.Optional.empty();
    }

    /** What a command run inside the partition (e.g. "p1") prints; it must succeed. */
    public String outputInside(String partitionId, String... args) {
        AgentClient.Answer answer = send("POST", "/v1/partitions/" + partitionId + "/exec", Map.of("args", List.of(args)));
        Map<String, Object> result = Json.readObject(answer.body());
        if (!answer.ok() || ((Number) result.get("exitCode")).intValue() != 0) {
            throw new AssertionError(String.join(" ", args) + " inside " + partitionId + " failed: " + answer.body());
        }
        return (String) result.get("stdout");
    }

    /** A cgroup v1 control file of a partition, e.g. ("memory", "p1", "memory.limit_in_bytes"). */
    public String cgroupFile(String controller, String partitionId, String file) throws IOException {
        return Files.readString(Path.of("/sys/fs/cgroup", controller, prefix + "-" + partitionId, file)).strip();
    }

    /** The network namespace of a partition (e.g. "p1") on the host, for `ip netns exec`. */
    public String namespaceOf(String partitionId) {
        return prefix + "-" + partitionId;
    }

    /**
     * The rates tc shapes a partition's traffic to on the host, as tc prints them ("1Mbit"), or "unlimited"
     * where no HTB class shapes it: "ingress" on the host end of its veth (what it receives), "egress" on its
     * ifb device (what it sends).
     */
    public Map<String, String> shapedRates(String partitionId) {
        Object ordinal = Json.readFile(stateDir.resolve("partitions").resolve(partitionId).resolve("record.json"))
                .get("ordinal");
        return Map.of("ingress", htbRate(prefix + "v" + ordinal), "egress", htbRate(prefix + "i" + ordinal));
    }

    private static String htbRate(String link) {
        java.util.regex.Matcher rate = java.util.regex.Pattern.compile("class htb 1:1 .*? rate (\\S+)")
                .matcher(Commands.run("tc", "class", "show", "dev", link));
        return rate.find() ? rate.group(1) : "unlimited";
    }

    /** Closes the agent (if it started) and fails the test if anything with its prefix is left. */
    public static void closeLeavingNothing(AgentProcess agent) throws Exception {
        if (agent != null) {
            agent.close();
            org.assertj.core.api.Assertions.assertThat(agent.leftovers()).isEmpty();
        }
    }

    public List<String> leftovers() throws IOException {
        return HostObjects.leftovers(prefix, stateDir);
    }

    @Override
    public void close() throws Exception {
        try {
            if (process.isAlive()) {
                List<Map<String, Object>> listed = JSON.readValue(send("GET", "/v1/partitions", null).body(),
                        new TypeReference<List<Map<String, Object>>>() { });
                listed.forEach(partition -> send("DELETE", "/v1/partitions/" + partition.get("id"), null));
            }
        } finally {
            process.destroy();
            process.waitFor();
            HostObjects.sweep(prefix, stateDir);
            Files.deleteIfExists(log());
        }
    }
}
