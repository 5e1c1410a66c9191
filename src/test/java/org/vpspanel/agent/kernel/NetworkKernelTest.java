package org.vpspanel.agent.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpspanel.agent.Json;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.testing.HostObjects;

import java.io.File;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two partitions on the node's bridge and a namespace made by the test that plays the outside world
 * (the gateway). Traffic never leaves the bridge: the host's own interfaces and routes are not involved.
 */
class NetworkKernelTest {

    private static TestAgent agent;
    private static String subnet;
    private static String outside;
    private static Process outsideHttp;
    private static Process outsideIperf;
    private static Process outsideEcho;

    @BeforeAll
    static void createPartitionsAndTheOutside() throws Exception {
        assumeTrue(Commands.attempt("iperf3", "--version").succeeded(), "network tests need iperf3");
        agent = TestAgent.start();
        subnet = "10.213." + new SecureRandom().nextInt(250) + ".";
        // n2 holds few TCP connections; n1 many, as its spoofing attempts stay in conntrack for a while
        for (String[] partition : List.of(new String[] {"n1", "2", "1000"}, new String[] {"n2", "3", "3"})) {
            TestAgent.Cli created = agent.vpsctl("create", partition[0], "--template", "busybox", "--hostname", partition[0],
                    "--ip", subnet + partition[1] + "/24", "--gateway", subnet + "1", "--net-egress", "10Mbit", "--net-ingress", "10Mbit",
                    "--tcp-connections", partition[2]);
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(agent.vpsctl("start", partition[0]).exitCode()).isZero();
        }
        outside = HostObjects.outsideNamespace(agent.prefix, subnet + "1/24");
        File www = agent.stateDir.resolve("www").toFile();
        www.mkdirs();
        java.nio.file.Files.writeString(www.toPath().resolve("ok.txt"), "outside\n");
        outsideHttp = background("ip", "netns", "exec", outside, "busybox", "httpd", "-f", "-p", "8080", "-h", www.toString());
        outsideIperf = background("ip", "netns", "exec", outside, "iperf3", "-s");
        outsideEcho = background("ip", "netns", "exec", outside, "busybox", "nc", "-ll", "-p", "7000", "-e", "cat");
        agent.sh("n2", "mkdir -p /www && echo n2 > /www/ok.txt && httpd -p 8080 -h /www");
        Thread.sleep(300);
    }

    /** A server for the test's lifetime; its output goes to files, never to a pipe nobody reads. */
    private static Process background(String... command) throws Exception {
        File log = agent.stateDir.resolve(command[4] + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    @AfterAll
    static void removeEverything() throws Exception {
        for (Process server : new Process[] {outsideHttp, outsideIperf, outsideEcho}) {
            if (server != null) {
                server.destroy();
                server.waitFor(5, TimeUnit.SECONDS);
            }
        }
        TestAgent.closeLeavingNothing(agent);
    }

    private static final String GET = "GET /ok.txt HTTP/1.0\r\n\r\n";

    /** The body of ok.txt from a web server, or "" when unreachable (busybox's static wget crashes here; nc does not). */
    private static String fetch(String id, String address) {
        return body(agent.sh(id, "printf '" + GET.replace("\r\n", "\\r\\n") + "' | nc -w 2 " + address + " 8080").stdout());
    }

    private static String body(String response) {
        int start = response.indexOf("\r\n\r\n");
        return start < 0 ? "" : response.substring(start + 4);
    }

    @Test
    void reachesTheGatewayButNotAnotherPartition() {
        assertThat(fetch("n1", subnet + "1")).isEqualTo("outside\n");
        assertThat(fetch("n1", subnet + "3")).isEmpty();
        // n2's server does answer, from outside
        assertThat(body(Commands.attemptWithInput(List.of("ip", "netns", "exec", outside, "busybox", "nc", "-w", "2", subnet + "3", "8080"),
                GET, Duration.ofSeconds(10)).stdout())).isEqualTo("n2\n");
    }

    @Test
    void holdsAtMostItsTcpConnectionLimit() {
        Commands.Result held = agent.sh("n2", "for i in 1 2 3 4 5 6; do sleep 4 | nc " + subnet + "1 7000 & done; sleep 1;"
                + " netstat -tn | grep -c ':7000 .*ESTABLISHED'");

        assertThat(held.stdout()).isEqualTo("3\n");
    }

    @Test
    void cannotChangeItsAddressAndSpoofedTrafficIsDropped() {
        Commands.Result change = agent.sh("n1", "ip addr add " + subnet + "99/24 dev eth0");
        assertThat(change.exitCode()).isNotZero();

        // even with root of the host in its namespace, only its own address and MAC get out
        String namespace = agent.manager().hostName("n1");
        Commands.run("ip", "-n", namespace, "addr", "add", subnet + "99/24", "dev", "eth0");
        try {
            assertThat(connected(iperf(namespace, "-B", subnet + "99", "-t", "1"))).isFalse();
            assertThat(connected(iperf(namespace, "-B", subnet + "2", "-t", "1"))).isTrue();
        } finally {
            Commands.run("ip", "-n", namespace, "addr", "del", subnet + "99/24", "dev", "eth0");
        }
        Commands.run("ip", "-n", namespace, "link", "set", "eth0", "address", "02:56:00:00:99:99");
        try {
            assertThat(connected(iperf(namespace, "-t", "1"))).isFalse();
        } finally {
            Commands.run("ip", "-n", namespace, "link", "set", "eth0", "address", "02:56:00:00:00:01");
        }
    }

    private static Commands.Result iperf(String namespace, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace, "iperf3", "-c", subnet + "1",
                "--connect-timeout", "2000", "-J"));
        command.addAll(List.of(args));
        return Commands.attempt(command, Duration.ofSeconds(30), null);
    }

    /** iperf3 -J exits 0 even when it could not connect; the JSON says so. */
    private static boolean connected(Commands.Result iperf) {
        return iperf.succeeded() && !Json.readObject(iperf.stdout()).containsKey("error");
    }

    @Test
    void shapesBothDirectionsTo10Mbit() {
        String namespace = agent.manager().hostName("n1");
        double sent = bitsPerSecond(iperf(namespace, "-t", "4"));
        double received = bitsPerSecond(iperf(namespace, "-t", "4", "-R"));

        System.out.printf("net-egress 10Mbit: %.2f Mbit/s sent; net-ingress 10Mbit: %.2f Mbit/s received%n", sent / 1e6, received / 1e6);
        assertThat(sent).isBetween(8.5e6, 11.5e6);
        assertThat(received).isBetween(8.5e6, 11.5e6);

        Map<String, Object> usage = Json.readObject(agent.vpsctl("--json", "usage", "n1").out());
        assertThat(((Number) usage.get("netBytesOut")).longValue()).isGreaterThan(4_000_000L);
        assertThat(((Number) usage.get("netBytesIn")).longValue()).isGreaterThan(4_000_000L);
    }

    @SuppressWarnings("unchecked")
    private static double bitsPerSecond(Commands.Result iperf) {
        assertThat(connected(iperf)).as(iperf.stdout() + iperf.stderr()).isTrue();
        Map<String, Object> end = (Map<String, Object>) Json.readObject(iperf.stdout()).get("end");
        return ((Number) ((Map<String, Object>) end.get("sum_received")).get("bits_per_second")).doubleValue();
    }
}
