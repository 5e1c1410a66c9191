package org.vpspanel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpspanel.agent.cli.Vpsctl;
import org.vpspanel.testing.AgentProcess;

/**
 * A real agent listening with TLS on loopback, as a remote node's agent does: only enrolled panels get in,
 * only with a valid one-time token, and only while the agent trusts them.
 */
class RemoteAgentTest {

    private static final Pattern TOKEN = Pattern.compile("(vpsn_[A-Za-z0-9_-]+)");
    private static AgentProcess agent;
    private static String agentFingerprint;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = AgentProcess.startListening();
        agentFingerprint = EnrollmentToken.decode(enrollmentToken()).agentFingerprint();
    }

    @AfterAll
    static void stopAgent() throws Exception {
        AgentProcess.closeLeavingNothing(agent);
    }

    @Test
    void aPanelEnrolledWithATokenGetsInUntilItsTrustIsRemoved() throws Exception {
        TlsIdentity panel = TlsIdentity.generate("test panel");
        assertThat(remote(panel, "GET", "/v1/agent", null)).satisfies(refused -> {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.error()).contains("is not enrolled with this agent").contains(panel.fingerprint());
        });

        EnrollmentToken token = EnrollmentToken.decode(enrollmentToken());
        assertThat(token.address()).isEqualTo(agent.tcpAddress());
        assertThat(Files.getPosixFilePermissions(agent.stateDir().resolve("tls/agent.key"))).as("the agent's key is root's alone")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(agent.stateDir().resolve("tls"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        AgentClient.Answer enrolled = remote(panel, "POST", "/v1/trust", Map.of("token", token.id(), "proof", token.proof(panel.fingerprint())));

        assertThat(enrolled.status()).isEqualTo(200);
        assertThat(Json.readObject(enrolled.body())).containsEntry("trusted", panel.fingerprint()).containsEntry("agent", agentFingerprint);
        assertThat(Json.readObject(remote(panel, "GET", "/v1/agent", null).body())).containsEntry("prefix", agent.prefix());
        assertThat(remote(panel, "GET", "/v1/trust", null).error()).as("trust is managed on the node only")
                .contains("only on the agent's machine");
        assertThat(vpsctl("trust", "list")).contains(panel.fingerprint()).contains("CN=test panel").contains("127.0.0.1");

        agent.kill();
        agent.launch();
        assertThat(remote(panel, "GET", "/v1/agent", null).status()).as("certificate and trust survive a restart").isEqualTo(200);

        assertThat(vpsctl("trust", "remove", panel.fingerprint().replace(":", "").toLowerCase())).contains("no longer trusted");
        assertThat(remote(panel, "GET", "/v1/partitions", null).status()).as("cut off at once").isEqualTo(403);
        assertThat(vpsctl("trust", "list")).doesNotContain(panel.fingerprint());
    }

    @Test
    void aTokenIsRefusedWhenReusedExpiredOrWithoutItsSecretAndNothingChanges() throws Exception {
        TlsIdentity first = TlsIdentity.generate("first panel");
        TlsIdentity second = TlsIdentity.generate("second panel");
        EnrollmentToken token = EnrollmentToken.decode(enrollmentToken());
        byte[] guessed = new byte[32];
        new SecureRandom().nextBytes(guessed);
        EnrollmentToken withoutSecret = new EnrollmentToken(token.address(), token.id(), guessed, token.agentFingerprint());

        assertThat(enroll(second, withoutSecret).error()).contains("proof does not match");
        assertThat(enroll(second, token, first.fingerprint()).error()).as("a proof made for another certificate")
                .contains("proof does not match");
        assertThat(enroll(first, token).status()).isEqualTo(200);
        assertThat(enroll(second, token).error()).contains("used already");
        assertThat(remote(second, "GET", "/v1/agent", null).status()).isEqualTo(403);

        String shortLived = TOKEN.matcher(vpsctl("enroll", "--valid", "1s")).results().findFirst().orElseThrow().group(1);
        Thread.sleep(1_500);
        assertThat(enroll(second, EnrollmentToken.decode(shortLived)).error()).contains("expired");
        assertThat(remote(second, "GET", "/v1/agent", null).status()).isEqualTo(403);
        assertThat(vpsctl("trust", "list")).contains(first.fingerprint()).doesNotContain(second.fingerprint());
        vpsctl("trust", "remove", first.fingerprint());
    }

    @Test
    void aPanelRefusesAnAgentWithAnotherCertificateThanItPinned() {
        TlsIdentity panel = TlsIdentity.generate("test panel");
        String other = TlsIdentity.generate("another agent").fingerprint();
        String[] host = agent.tcpAddress().split(":");

        try (AgentClient client = new AgentClient(new AgentEndpoint.Remote(host[0], Integer.parseInt(host[1]), panel, other))) {
            assertThatThrownBy(() -> client.send("GET", "/v1/agent", null, false, Duration.ofSeconds(10)))
                    .hasMessageContaining("presented the certificate " + agentFingerprint + ", not the pinned " + other);
        }
    }

    @Test
    void aClientWithoutCertificateIsRefusedInTheHandshake() throws Exception {
        SSLContext noCertificate = SSLContext.getInstance("TLSv1.3");
        noCertificate.init(null, new TrustManager[] {new AnyServer()}, null);
        String[] host = agent.tcpAddress().split(":");
        try (SSLSocket socket = (SSLSocket) noCertificate.getSocketFactory().createSocket(InetAddress.getByName(host[0]), Integer.parseInt(host[1]))) {
            socket.getOutputStream().write("GET /v1/agent HTTP/1.1\r\nHost: agent\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            assertThatThrownBy(() -> {
                if (in.read() < 0) {
                    throw new IOException("closed without an answer");
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void vpsctlRefusesBadEnrollmentArguments() {
        assertThat(run("enroll", "--valid", "soon").err()).contains("--valid takes a number with s, m, h or d");
        assertThat(run("trust", "remove", "AB:CD").err()).contains("64 hexadecimal digits");
        assertThat(run("trust", "forget").err()).contains("trust needs list or remove");
    }

    private static AgentClient.Answer enroll(TlsIdentity panel, EnrollmentToken token) {
        return enroll(panel, token, panel.fingerprint());
    }

    private static AgentClient.Answer enroll(TlsIdentity panel, EnrollmentToken token, String provenFingerprint) {
        return remote(panel, "POST", "/v1/trust", Map.of("token", token.id(), "proof", token.proof(provenFingerprint)));
    }

    private static AgentClient.Answer remote(TlsIdentity panel, String method, String path, Object body) {
        String[] host = agent.tcpAddress().split(":");
        try (AgentClient client = new AgentClient(new AgentEndpoint.Remote(host[0], Integer.parseInt(host[1]), panel, agentFingerprint))) {
            return client.send(method, path, body, false, Duration.ofSeconds(20));
        }
    }

    private static String enrollmentToken() {
        Matcher token = TOKEN.matcher(vpsctl("enroll"));
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of("--socket", agent.socket().toString()));
        all.addAll(List.of(args));
        int code = new Vpsctl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What vpsctl printed; it must succeed. */
    private static String vpsctl(String... args) {
        Run run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static final class AnyServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
