package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.vpspanel.audit.AuditFilter;
import org.vpspanel.audit.AuditRecord;
import org.vpspanel.audit.AuditService;
import org.vpspanel.testing.PanelTest;

/** The form login as the browser speaks it over HTTP: cookies, redirects, session rotation, audit. */
class HttpLoginTest extends PanelTest {

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AuditService audit;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> page = get("/login", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    }

    @Test
    void aRightPasswordRotatesTheSessionAndIsAuditedWithTheClientAddress() throws Exception {
        LoginPage login = openLoginPage();

        HttpResponse<String> response = post(login, Map.of("username", ADMIN, "password",
                startupConsole.printedAdminPassword(), "_csrf", login.csrfToken()));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(sessionOf(response)).isNotEqualTo(login.session());
        AuditRecord event = as(ADMIN, () -> audit.find(new AuditFilter("login", "user"),
                Pageable.unpaged(Sort.by("id"))).getContent().getLast());
        assertThat(event.action()).isEqualTo("login");
        assertThat(event.actor()).isEqualTo(ADMIN);
        assertThat(event.remoteAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void aWrongPasswordLeadsBackToTheLoginPageWithAnError() throws Exception {
        LoginPage login = openLoginPage();

        HttpResponse<String> response = post(login, Map.of("username", ADMIN, "password", "wrong password",
                "_csrf", login.csrfToken()));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login?error");
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefusedEvenWithTheRightPassword() throws Exception {
        LoginPage login = openLoginPage();

        HttpResponse<String> forged = post(login, Map.of("username", ADMIN, "password",
                startupConsole.printedAdminPassword(), "_csrf", login.csrfToken()), "http://evil.example");
        HttpResponse<String> ours = post(login, Map.of("username", ADMIN, "password",
                startupConsole.printedAdminPassword(), "_csrf", login.csrfToken()), "http://127.0.0.1:" + port);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ours.statusCode()).isEqualTo(302);
        assertThat(ours.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(as(ADMIN, () -> audit.find(new AuditFilter("login", "user"), Pageable.unpaged()).getContent()))
                .extracting(AuditRecord::action).containsExactly("login");
    }

    @Test
    void aPageOfThePanelSendsAnAnonymousVisitorToTheLogin() throws Exception {
        HttpResponse<String> response = get("/account", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    private record LoginPage(String session, String csrfToken) {
    }

    private LoginPage openLoginPage() throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login", null);
        Matcher token = CSRF_TOKEN.matcher(page.body());
        assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
        return new LoginPage(sessionOf(page), token.group(1));
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(LoginPage page, Map<String, String> form) throws IOException, InterruptedException {
        return post(page, form, null);
    }

    private HttpResponse<String> post(LoginPage page, Map<String, String> form, String origin)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + page.session())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
