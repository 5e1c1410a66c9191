package org.vpspanel.agent.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpspanel.agent.Json;
import org.vpspanel.agent.cgroup.Cgroups;
import org.vpspanel.agent.partition.AgentConfig;
import org.vpspanel.agent.partition.PartitionManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol's refusals, which happen before anything on the host is touched (no root needed). */
class AgentApiTest {

    @TempDir
    Path stateDir;

    private AgentApi api() {
        AgentConfig config = new AgentConfig(stateDir, "vpu", stateDir.resolve("agent.sock"), 65_536L * 100, Duration.ofSeconds(1), "http://deb.debian.org/debian");
        return new AgentApi(new PartitionManager(config, Cgroups.probe()), Map.of("protocol", "v1"));
    }

    private static Map<String, Object> body(AgentApi.Reply reply) {
        return Json.readObject(Json.write(reply.body()));
    }

    @Test
    void refusesUnknownFieldsAndOutOfRangeValuesNamingTheField() throws Exception {
        AgentApi api = api();

        AgentApi.Reply unknown = api.handle("PUT", "/v1/partitions/p1", false,
                "{\"hostname\":\"a\",\"template\":\"busybox\",\"resources\":{\"memory\":\"64M\"},\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(body(unknown)).containsEntry("field", "colour");

        AgentApi.Reply outOfRange = api.handle("PUT", "/v1/partitions/p1", false,
                "{\"hostname\":\"a\",\"template\":\"busybox\",\"resources\":{\"processes\":1}}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(body(outOfRange)).containsEntry("field", "resources.processes");
        assertThat((String) body(outOfRange).get("error")).contains("between 16 and");

        AgentApi.Reply malformed = api.handle("PUT", "/v1/partitions/p1", false, "{\"hostname\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((String) body(malformed).get("error")).startsWith("malformed JSON");

        assertThat(Files.exists(stateDir.resolve("partitions"))).isFalse();
    }

    @Test
    void refusesConsoleSizesOutOfRangeBeforeLookingForThePartition() {
        AgentApi api = api();

        for (Map<String, String> query : java.util.List.of(Map.of("rows", "0"), Map.of("cols", "1001"), Map.of("rows", "-5"),
                Map.of("cols", "80x"), Map.of("rows", "99999"))) {
            AgentApi.ConsoleOpening opening = api.openConsole("/v1/partitions/p1/console", query);
            assertThat(opening.refusal().status()).as(query.toString()).isEqualTo(400);
            assertThat(body(opening.refusal())).containsEntry("field", query.keySet().iterator().next())
                    .containsEntry("error", "must be a whole number between 1 and 1000");
        }
        assertThat(body(api.openConsole("/v1/partitions/p1/console", Map.of("size", "80")).refusal())).containsEntry("field", "size");
        AgentApi.ConsoleOpening inRange = api.openConsole("/v1/partitions/p1/console", Map.of("rows", "1000", "cols", "1"));
        assertThat(inRange.refusal().status()).isEqualTo(404); // the size passed; there is no such partition
    }

    @Test
    void refusesBadActionBodiesPathsAndMethods() {
        AgentApi api = api();

        assertThat(api.handle("POST", "/v1/partitions/p1/stop", false, "{\"timeoutSeconds\":-1}").status()).isEqualTo(400);
        assertThat(body(api.handle("POST", "/v1/partitions/p1/exec", false, "{\"args\":[]}"))).containsEntry("field", "args");
        assertThat(body(api.handle("POST", "/v1/partitions/p1/start", false, "{\"now\":true}"))).containsEntry("field", "now");
        assertThat(api.handle("POST", "/v1/partitions/p1/explode", false, "").status()).isEqualTo(404);
        assertThat(api.handle("GET", "/v2/partitions", false, "").status()).isEqualTo(404);
        assertThat(api.handle("PATCH", "/v1/partitions/p1", false, "").status()).isEqualTo(405);
        assertThat(api.handle("GET", "/v1/partitions/p1/start", false, "").status()).isEqualTo(405);
        assertThat(api.handle("GET", "/v1/partitions/nothere", false, "").status()).isEqualTo(404);
        assertThat(body(api.handle("GET", "/v1/partitions/nothere", false, ""))).containsEntry("error", "no partition 'nothere'");
        assertThat(body(api.handle("DELETE", "/v1/partitions/..", false, ""))).containsEntry("field", "id");
        assertThat(api.handle("GET", "/v1/partitions", false, "").status()).isEqualTo(200);
        assertThat(api.handle("POST", "/v1/partitions/p1/ssh-keys", false, "{\"keys\":[]}").status())
                .as("no keys is a valid choice: on to the partition").isEqualTo(404);
        assertThat(body(api.handle("POST", "/v1/partitions/p1/ssh-keys", false, "{\"keys\":[\"\"]}"))).containsEntry("field", "keys");
    }

    @Test
    void acceptsOnlyASha512CryptHashAsThePasswordHash() {
        AgentApi api = api();
        String hash = "$6$saltsalt$" + "a".repeat(86);

        assertThat(body(password(api, Map.of("passwordHash", hash.replace("$6$", "$1$"))))).containsEntry("field", "passwordHash");
        assertThat(body(password(api, Map.of("passwordHash", hash + "\nroot::0:")))).containsEntry("field", "passwordHash");
        assertThat(body(password(api, Map.of("passwordHash", hash.replace("aaaa", "a:aa"))))).containsEntry("field", "passwordHash");
        assertThat(body(password(api, Map.of("passwordHash", "$6$saltsalt$short")))).containsEntry("field", "passwordHash");
        assertThat(body(password(api, Map.of("password", "secret-secret", "passwordHash", hash)))).containsEntry("field", "password");
        assertThat(body(password(api, Map.of()))).containsEntry("field", "password");
        assertThat(password(api, Map.of("passwordHash", hash)).status()).as("well formed: on to the partition").isEqualTo(404);
        assertThat(password(api, Map.of("passwordHash", "$6$rounds=5000$saltsalt$" + "a".repeat(86))).status()).isEqualTo(404);
    }

    private static AgentApi.Reply password(AgentApi api, Map<String, String> body) {
        return api.handle("POST", "/v1/partitions/p1/password", false, Json.write(body));
    }
}
