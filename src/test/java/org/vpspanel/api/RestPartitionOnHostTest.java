package org.vpspanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vpspanel.account.ApiTokenService;
import org.vpspanel.api.ApiClient.Reply;
import org.vpspanel.testing.AgentPerTestClass;
import org.vpspanel.testing.PanelTest;

/**
 * What a billing system does through the API, on a node with a real agent: sell, start, suspend,
 * unsuspend and terminate a partition, each a job that the host really carries out.
 */
class RestPartitionOnHostTest extends PanelTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    @RegisterExtension
    static final AgentPerTestClass HOST = new AgentPerTestClass();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;

    @Test
    void aResellersTokenSellsStartsSuspendsUnsuspendsAndTerminatesAPartitionOnTheHost() {
        ApiClient api = new ApiClient(port);
        createReseller("acme");
        createReseller("globex");
        String acme = as("acme", () -> tokens.create("billing")).token();
        String globex = as("globex", () -> tokens.create("billing")).token();
        nodeWithAgent(HOST.agent(), 9);

        assertThat(api.post("/api/v1/customers", acme, """
                {"username": "carol", "email": "carol@example.com", "password": "%s"}""".formatted(PASSWORD))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/plans", acme, """
                {"name": "tiny", "memory": "64M", "disk": "256M", "diskInodes": 20000, "templates": ["busybox"]}""")
                .status()).isEqualTo(201);
        Reply created = api.post("/api/v1/partitions", acme, """
                {"customer": "carol", "plan": "tiny", "template": "busybox", "hostname": "api1.example.com"}""");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("job").get("kind").asString()).isEqualTo("create");
        String path = "/api/v1/partitions/" + id;
        assertThat(settled(api, acme, created.json().get("job").get("id").asLong())).isEqualTo("succeeded");

        Reply start = api.post(path + "/start", acme, "");
        assertThat(start.status()).isEqualTo(202);
        assertThat(settled(api, acme, start.json().get("id").asLong())).isEqualTo("succeeded");
        assertThat(api.get(path, acme).json().get("state").asString()).isEqualTo("running");
        assertThat(HOST.agent().stateOf("p" + id)).contains("running");
        assertThat(api.post(path + "/stop", globex, "").status()).as("another tenant's partition").isEqualTo(404);
        assertThat(api.get(path + "/usage?window=year", acme).status()).isEqualTo(400);

        Reply hostname = api.put(path + "/hostname", acme, """
                {"hostname": "renamed.example.com"}""");
        assertThat(hostname.status()).isEqualTo(202);
        assertThat(settled(api, acme, hostname.json().get("id").asLong())).isEqualTo("succeeded");
        assertThat(api.get(path, acme).json().get("hostname").asString()).isEqualTo("renamed.example.com");
        Reply password = api.post(path + "/password", acme, """
                {"password": "a fresh root password"}""");
        assertThat(password.status()).isEqualTo(202);
        assertThat(settled(api, acme, password.json().get("id").asLong())).isEqualTo("succeeded");
        Reply noKeys = api.post(path + "/ssh-keys", acme, """
                {"keys": []}""");
        assertThat(noKeys.status()).isEqualTo(202);
        assertThat(settled(api, acme, noKeys.json().get("id").asLong())).isEqualTo("succeeded");
        assertField(api.post(path + "/ssh-keys", acme, "{}"), "keys");
        assertField(api.post(path + "/reinstall", acme, """
                {"template": "debian-12"}"""), "template");
        assertField(api.post(path + "/reinstall", acme, """
                {"template": "windows"}"""), "template");
        assertThat(api.get(path + "/jobs", acme).json().get(0).get("kind").asString()).as("no job for a refusal")
                .isEqualTo("install_ssh_keys");
        Reply reinstall = api.post(path + "/reinstall", acme, """
                {"template": "busybox"}""");
        assertThat(reinstall.status()).isEqualTo(202);
        assertThat(settled(api, acme, reinstall.json().get("id").asLong())).isEqualTo("succeeded");
        assertThat(api.get(path, acme).json().get("state").asString()).isEqualTo("running");
        assertField(api.put(path + "/hostname", acme, """
                {"hostname": "no spaces.example.com"}"""), "hostname");
        assertField(api.post(path + "/password", acme, """
                {"password": "short"}"""), "password");

        Reply suspend = api.post(path + "/suspend", acme, "");
        assertThat(settled(api, acme, suspend.json().get("id").asLong())).isEqualTo("succeeded");
        assertThat(api.get(path, acme).json().get("state").asString()).isEqualTo("suspended");
        assertThat(HOST.agent().stateOf("p" + id)).contains("stopped");
        Reply refused = api.post(path + "/start", acme, "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("is suspended");

        Reply unsuspend = api.post(path + "/unsuspend", acme, "");
        assertThat(settled(api, acme, unsuspend.json().get("id").asLong())).isEqualTo("succeeded");
        assertThat(api.get(path, acme).json().get("state").asString()).isEqualTo("stopped");

        Reply terminate = api.delete(path, acme);
        assertThat(terminate.status()).isEqualTo(202);
        assertThat(settled(api, acme, terminate.json().get("id").asLong())).isEqualTo("succeeded");
        assertThat(api.get(path, acme).json().get("state").asString()).isEqualTo("destroyed");
        assertThat(HOST.agent().stateOf("p" + id)).isEmpty();
        assertThat(api.get("/api/v1/jobs/" + terminate.json().get("id").asLong(), globex).status()).isEqualTo(404);
    }

    private static void assertField(Reply refused, String field) {
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    /** Polls the job until it has finished and returns how: "succeeded" or "failed". */
    private static String settled(ApiClient api, String token, long jobId) {
        String[] state = new String[1];
        await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
            state[0] = api.get("/api/v1/jobs/" + jobId, token).json().get("state").asString();
            return state[0].equals("succeeded") || state[0].equals("failed");
        });
        return state[0];
    }
}
