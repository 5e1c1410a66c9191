package org.vpspanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.BillingPeriod;
import org.vpspanel.account.ApiTokenService;
import org.vpspanel.api.ApiClient.Reply;
import org.vpspanel.node.IpPoolDraft;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeDraft;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.resources.Units;
import org.vpspanel.testing.PanelTest;
import tools.jackson.databind.JsonNode;

/** The REST API over real HTTP with real tokens: the flows a billing system runs, and every kind of refusal. */
class RestApiTest extends PanelTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    NodeService nodes;
    @Autowired
    IpPoolService pools;

    private ApiClient api;
    private String acmeToken;

    @BeforeEach
    void aResellerWithATokenAndANodeWithAPool() {
        api = new ApiClient(port);
        createReseller("acme");
        acmeToken = tokenOf("acme");
        NodeSummary node = as(ADMIN, () -> nodes.create(new NodeDraft("node1", "node1.example.com", 8,
                Units.parseSize("32G"), Units.parseSize("1T"), 1, 1, 1)));
        as(ADMIN, () -> pools.create(new IpPoolDraft("lan1", node.id(), "10.30.1.0/24", "10.30.1.1", "10.30.1.10",
                "10.30.1.50")));
    }

    private String tokenOf(String username) {
        return as(username, () -> tokens.create("test")).token();
    }

    @Test
    void aResellersTokenSellsAPartitionToItsNewCustomerAndTerminatesIt() {
        Reply customer = api.post("/api/v1/customers", acmeToken, """
                {"username": "carol", "email": "carol@example.com", "password": "%s", "fullName": "Carol"}"""
                .formatted(PASSWORD));
        assertThat(customer.status()).isEqualTo(201);
        assertThat(customer.json().get("reseller").asString()).isEqualTo("acme");

        Reply plan = api.post("/api/v1/plans", acmeToken, """
                {"name": "small", "memory": "128M", "disk": "1G", "cpuLimit": 100, "overQuotaAction": "suspend"}""");
        assertThat(plan.status()).isEqualTo(201);
        assertThat(plan.json().get("memory").asString()).isEqualTo("128M");
        assertThat(plan.json().get("disk").asString()).isEqualTo("1G");
        assertThat(plan.json().get("processes").asString()).as("a default").isEqualTo("512");
        assertThat(plan.json().get("overQuotaAction").asString()).isEqualTo("suspend");
        assertThat(plan.json().get("templates").valueStream().map(JsonNode::asString)).as("every template by default")
                .containsExactly("busybox", "debian-12");
        assertThat(api.get("/api/v1/plans/" + plan.json().get("id").asLong(), acmeToken).json().get("name")
                .asString()).isEqualTo("small");

        Reply debianOnly = api.post("/api/v1/plans", acmeToken, """
                {"name": "debian-only", "templates": ["debian-12"]}""");
        assertThat(debianOnly.json().get("templates").valueStream().map(JsonNode::asString)).containsExactly("debian-12");
        assertBadRequest(api.post("/api/v1/partitions", acmeToken, """
                {"customer": "carol", "plan": "debian-only", "template": "busybox", "hostname": "web1.example.com"}"""),
                "template");

        Reply created = api.post("/api/v1/partitions", acmeToken, """
                {"customer": "carol", "plan": %d, "template": "busybox", "hostname": "web1.example.com"}"""
                .formatted(plan.json().get("id").asLong()));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("state").asString()).isEqualTo("creating");
        assertThat(created.json().get("customer").asString()).isEqualTo("carol");
        assertThat(created.json().get("node").asString()).isEqualTo("node1");
        assertThat(created.json().get("addresses").get(0).asString()).startsWith("10.30.1.");

        Reply fetched = api.get("/api/v1/partitions/" + id, acmeToken);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("hostname").asString()).isEqualTo("web1.example.com");
        assertThat(fetched.json().get("resources").get("memory").asString()).isEqualTo("128M");
        assertThat(hostnames(api.get("/api/v1/partitions", acmeToken))).containsExactly("web1.example.com");
        assertThat(hostnames(api.get("/api/v1/partitions", tokenOf("carol")))).as("the customer's own")
                .containsExactly("web1.example.com");

        assertThat(api.delete("/api/v1/partitions/" + id, acmeToken).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/partitions/" + id, acmeToken).json().get("state").asString())
                .isEqualTo("destroyed");
        assertThat(hostnames(api.get("/api/v1/partitions", acmeToken))).isEmpty();
    }

    @Test
    void anotherTenantsTokenFindsNothing() {
        long id = partitionOfCarol();
        createReseller("other");
        String otherToken = tokenOf("other");

        Reply get = api.get("/api/v1/partitions/" + id, otherToken);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.contentType()).startsWith("application/problem+json");
        assertThat(api.delete("/api/v1/partitions/" + id, otherToken).status()).isEqualTo(404);
        assertThat(hostnames(api.get("/api/v1/partitions", otherToken))).isEmpty();
        assertThat(api.get("/api/v1/partitions/" + id, acmeToken).json().get("state").asString())
                .as("untouched").isEqualTo("creating");
    }

    @Test
    void anAdminsTokenOpensACustomerUnderAResellerOrTheHost() {
        String adminToken = tokenOf(ADMIN);

        Reply underAcme = api.post("/api/v1/customers", adminToken, """
                {"username": "dave", "email": "dave@example.com", "password": "%s", "reseller": "acme"}"""
                .formatted(PASSWORD));
        Reply underHost = api.post("/api/v1/customers", adminToken, """
                {"username": "erin", "email": "erin@example.com", "password": "%s"}""".formatted(PASSWORD));

        assertThat(underAcme.status()).isEqualTo(201);
        assertThat(underAcme.json().get("reseller").asString()).isEqualTo("acme");
        assertThat(underHost.status()).isEqualTo(201);
        assertThat(underHost.json().get("reseller").isNull()).isTrue();
        Reply page = api.get("/api/v1/customers?size=1", adminToken);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void aCustomersTokenMayNotOpenAccountsOrSeePlans() {
        createCustomer("carol", as(ADMIN, () -> accounts.getResellerByUsername("acme")));
        String carolToken = tokenOf("carol");

        Reply create = api.post("/api/v1/customers", carolToken, """
                {"username": "mallory", "email": "m@example.com", "password": "%s"}""".formatted(PASSWORD));

        assertThat(create.status()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/plans", carolToken).status()).isEqualTo(403);
        assertThat(as(ADMIN, () -> accounts.getCustomerByUsername("carol"))).isNotNull();
        assertThat(customerCount()).isEqualTo(1);
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() {
        String revokedToken = tokenOf("acme");
        long revokedId = as("acme", tokens::myTokens).stream().filter(t -> revokedToken.startsWith(t.prefix()))
                .findFirst().orElseThrow().id();
        as("acme", () -> {
            tokens.revoke(revokedId);
            return null;
        });

        for (String bad : List.of("", "vpsp_nonsense", revokedToken)) {
            Reply reply = api.get("/api/v1/customers", bad.isEmpty() ? null : bad);
            assertThat(reply.status()).as(bad).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("status").asInt()).isEqualTo(401);
        }
        assertThat(api.get("/api/v1/customers", acmeToken).status()).as("acme's other token").isEqualTo(200);
    }

    @Test
    void aDisabledUsersTokenAnswers401() {
        AccountSummary acme = as(ADMIN, () -> accounts.getResellerByUsername("acme"));
        as(ADMIN, () -> {
            accounts.setEnabled(acme.id(), false);
            return null;
        });

        assertThat(api.get("/api/v1/customers", acmeToken).status()).isEqualTo(401);
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldAndChangesNothing() {
        partitionOfCarol();
        assertBadRequest(api.post("/api/v1/partitions", acmeToken, """
                {"customer": "carol", "plan": "starter", "template": "busybox", "hostname": "bad host"}"""),
                "hostname");
        assertBadRequest(api.post("/api/v1/plans", acmeToken, """
                {"name": "tiny", "memory": "0"}"""), "memory");
        assertBadRequest(api.post("/api/v1/plans", acmeToken, """
                {"name": "tiny", "memroy": "64M", "disk": "1M"}"""), "memroy", "disk");
        assertBadRequest(api.post("/api/v1/plans", acmeToken, """
                {"name": "tiny", "memory": true}"""), "memory");
        assertBadRequest(api.post("/api/v1/plans", acmeToken, """
                {"name": "tiny", "templates": ["busybox", "windows"], "memory": "0"}"""), "templates", "memory");
        assertBadRequest(api.post("/api/v1/plans", acmeToken, """
                {"name": "tiny", "templates": []}"""), "templates");
        assertBadRequest(api.post("/api/v1/customers", acmeToken, """
                {"username": "dave", "email": "dave@example.com", "password": "%s", "admin": true}"""
                .formatted(PASSWORD)), "admin");
        assertBadRequest(api.post("/api/v1/customers", acmeToken, """
                {"username": "dave", "email": """), "body");
        assertBadRequest(api.post("/api/v1/customers", acmeToken, """
                {"username": ["dave"], "email": "dave@example.com", "password": "%s"}""".formatted(PASSWORD)),
                "username");
        assertBadRequest(api.post("/api/v1/partitions", acmeToken, """
                {"customer": {"id": 1}, "plan": "starter", "template": "busybox", "hostname": "web2"}"""),
                "customer");
        assertBadRequest(api.post("/api/v1/partitions", acmeToken, """
                {"customer": "nobody", "plan": "starter", "template": "busybox", "hostname": "web2"}"""),
                "customer");
        assertBadRequest(api.get("/api/v1/partitions/abc", acmeToken), "id");
        assertBadRequest(api.get("/api/v1/partitions?page=-1", acmeToken), "page");
        assertBadRequest(api.get("/api/v1/partitions?state=sleeping", acmeToken), "state");

        assertThat(hostnames(api.get("/api/v1/partitions", acmeToken))).containsExactly("web1");
        assertThat(api.get("/api/v1/plans", acmeToken).json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(customerCount()).isEqualTo(1);
    }

    @Test
    void aResellerChoosesAndMovesACustomersBillingDayAndBadDaysChangeNothing() {
        Reply created = api.post("/api/v1/customers", acmeToken, """
                {"username": "carol", "email": "carol@example.com", "password": "%s", "billingDay": 17}"""
                .formatted(PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("billingDay").asInt()).isEqualTo(17);
        String carol = "/api/v1/customers/" + created.json().get("id").asLong();

        Reply moved = api.put(carol + "/billing-day", acmeToken, """
                {"billingDay": 3}""");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("billingDay").asInt()).isEqualTo(3);

        for (String bad : List.of("0", "29", "null", "\"tenth\"", "2.5")) {
            assertBadRequest(api.put(carol + "/billing-day", acmeToken, "{\"billingDay\": " + bad + "}"), "billingDay");
            assertBadRequest(api.post("/api/v1/customers", acmeToken, """
                    {"username": "dave", "email": "dave@example.com", "password": "%s", "billingDay": %s}"""
                    .formatted(PASSWORD, bad.equals("null") ? "31" : bad)), "billingDay");
        }
        assertThat(api.get(carol, acmeToken).json().get("billingDay").asInt()).isEqualTo(3);
        assertThat(customerCount()).isEqualTo(1);
    }

    @Test
    void aPartitionsUsageHasItsTrafficThisBillingMonthAgainstItsQuota() {
        api.post("/api/v1/customers", acmeToken, """
                {"username": "carol", "email": "carol@example.com", "password": "%s", "billingDay": 17}"""
                .formatted(PASSWORD));
        api.post("/api/v1/plans", acmeToken, """
                {"name": "metered", "memory": "256M", "disk": "2G", "monthlyTraffic": "2G"}""");
        Reply partition = api.post("/api/v1/partitions", acmeToken, """
                {"customer": "carol", "plan": "metered", "template": "busybox", "hostname": "web1"}""");
        BillingPeriod period = BillingPeriod.containing(java.time.Instant.now(), 17);

        Reply usage = api.get("/api/v1/partitions/" + partition.json().get("id").asLong() + "/usage?window=day", acmeToken);

        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.json().get("window").asString()).isEqualTo("day");
        assertThat(usage.json().get("points").isArray()).isTrue();
        JsonNode traffic = usage.json().get("traffic");
        assertThat(traffic.get("usedBytes").asLong()).isZero();
        assertThat(traffic.get("quotaBytes").asLong()).isEqualTo(Units.parseSize("2G"));
        assertThat(traffic.get("unlimited").asBoolean()).isFalse();
        assertThat(java.time.Instant.parse(traffic.get("periodStart").asString())).isEqualTo(period.start());
        assertThat(java.time.Instant.parse(traffic.get("periodEnd").asString())).isEqualTo(period.end());
        assertThat(traffic.get("throttled").asBoolean()).isFalse();
        assertThat(traffic.get("overQuota").isNull()).isTrue();
        assertThat(traffic.get("throttleRate").isNull()).isTrue();
    }

    @Test
    void anUnknownEndpointIsA404Problem() {
        for (Reply reply : List.of(api.get("/api/v1/nothing-here", acmeToken),
                api.delete("/api/v1/plans", acmeToken))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theOpenApiDocumentIsPublicAndListsTheEndpointsAndTheBearerScheme() {
        Reply docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/customers", "/api/v1/plans",
                "/api/v1/plans/{id}", "/api/v1/partitions", "/api/v1/partitions/{id}");
        assertThat(docs.json().at("/paths/~1api~1v1~1partitions~1{id}").propertyNames()).contains("get", "delete");
        assertThat(docs.json().at("/paths/~1api~1v1~1partitions/post/responses").propertyNames())
                .contains("201", "400", "401", "403").doesNotContain("200");
        assertThat(docs.json().at("/paths/~1api~1v1~1partitions~1{id}/delete/responses").propertyNames())
                .contains("202", "204", "404");
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/partitions/{id}/{action}",
                "/api/v1/partitions/{id}/plan", "/api/v1/partitions/{id}/usage", "/api/v1/jobs/{id}");
        assertThat(docs.json().at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(docs.json().at("/components/schemas/PlanRequest/properties").propertyNames())
                .contains("name", "memory", "netEgress", "cpuLimit", "overQuotaAction");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    /** carol, acme's customer, with one partition "web1" on the plan "starter". */
    private long partitionOfCarol() {
        api.post("/api/v1/customers", acmeToken, """
                {"username": "carol", "email": "carol@example.com", "password": "%s"}""".formatted(PASSWORD));
        api.post("/api/v1/plans", acmeToken, """
                {"name": "starter", "memory": "256M", "disk": "2G"}""");
        Reply partition = api.post("/api/v1/partitions", acmeToken, """
                {"customer": "carol", "plan": "starter", "template": "busybox", "hostname": "web1"}""");
        assertThat(partition.status()).isEqualTo(201);
        return partition.json().get("id").asLong();
    }

    private long customerCount() {
        return database.jdbc().queryForObject("SELECT count(*) FROM app_user WHERE role = 'CUSTOMER'", Long.class);
    }

    private static List<String> hostnames(Reply list) {
        assertThat(list.status()).isEqualTo(200);
        return list.json().get("items").valueStream().map(p -> p.get("hostname").asString()).toList();
    }

    private static void assertBadRequest(Reply reply, String... fields) {
        assertThat(reply.status()).as("status for " + List.of(fields)).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString())).as(reply.json().toString())
                .contains(fields);
    }
}
