package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vpspanel.VpsPanelApplication;
import org.vpspanel.testing.PanelTest;

/**
 * {@code bin/vps-panel create-token} end to end: the application's main in a process of its own, as the
 * launcher runs it, next to the running panel and its embedded PostgreSQL (the test context's).
 */
class CreateTokenCommandTest extends PanelTest {

    @LocalServerPort
    int port;
    @Value("${vpspanel.data-dir}")
    Path dataDir;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    CreateTokenCommand command;

    /** What a finished command left: its exit status, standard output and standard error. */
    record Run(int status, String output, String errors) {
    }

    @Test
    void printsOnlyANewTokenThatTheRunningPanelAccepts() throws Exception {
        createReseller("acme");

        Run run = createToken(dataDir, "acme", "--name", "provisioning");

        assertThat(run.status()).as(run.errors()).isZero();
        assertThat(run.output()).matches("vpsp_[A-Za-z0-9_-]{43}\n");
        assertThat(as("acme", tokens::myTokens)).extracting(ApiTokenInfo::name).containsExactly("provisioning");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/customers"))
                .header("Authorization", "Bearer " + run.output().strip()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownUserAndMissingArguments() throws Exception {
        Run unknown = createToken(dataDir, "ghost");

        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.output()).isEmpty();
        assertThat(unknown.errors()).contains("No user named 'ghost'");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        assertThat(command.run(List.of(), new PrintStream(output))).as("usage").isEqualTo(2);
        assertThat(command.run(List.of("admin", "--colour"), new PrintStream(output))).as("usage").isEqualTo(2);
        assertThat(output.size()).isZero();
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM api_token", Long.class)).isZero();
    }

    @Test
    void startsAndStopsItsOwnDatabaseWhenNoPanelRuns(@TempDir Path freshDataDir) throws Exception {
        Run run = createToken(freshDataDir, "admin");

        assertThat(run.status()).as(run.errors()).isZero();
        assertThat(run.output()).startsWith("vpsp_");
        assertThat(run.errors()).as("the first start's admin login goes to standard error")
                .contains("VPS Panel admin login");
        Path pidFile = freshDataDir.resolve("postgres/postmaster.pid");
        assertThat(Files.exists(pidFile)).as("the command's PostgreSQL has stopped").isFalse();
    }

    /** Runs {@code VpsPanelApplication create-token ARGS} with the data directory, as bin/vps-panel does. */
    private static Run createToken(Path dataDir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), VpsPanelApplication.class.getName(), "create-token"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("create-token", ".out");
        Path errors = Files.createTempFile("create-token", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        builder.environment().put("VPSPANEL_DATA_DIR", dataDir.toString());
        builder.environment().remove("VPSPANEL_DB_URL");
        try {
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
