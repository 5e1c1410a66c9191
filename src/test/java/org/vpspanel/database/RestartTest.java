package org.vpspanel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.vpspanel.VpsPanelApplication;
import org.springframework.data.domain.Pageable;
import org.vpspanel.account.AccountFilter;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Allocation;
import org.vpspanel.account.NewAccount;

/**
 * The product's own run: the app started as `java -jar` starts it, twice on one data directory. The embedded
 * PostgreSQL keeps everything across a restart, and the admin is created (and its password shown) only once.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    private static final Pattern PRINTED_PASSWORD =
            Pattern.compile("VPS Panel admin login: admin / (\\S+) {3}\\(shown once: keep it\\)");

    @TempDir
    Path dataDir;

    /**
     * Each app start installs its own holder of the signed-in user as the JVM-wide one (Vaadin's
     * SpringSecurityAutoConfiguration); the Spring test context cached for the other tests needs its own back.
     */
    private SecurityContextHolderStrategy testContextsHolder;

    @BeforeEach
    void rememberTheSecurityContextHolder() {
        testContextsHolder = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void restoreTheSecurityContextHolder() {
        SecurityContextHolder.clearContext();
        SecurityContextHolder.setContextHolderStrategy(testContextsHolder);
    }

    @Test
    void aRestartKeepsTheDataAndTheAdminPasswordPrintedOnce(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
            assertThat(printed.find()).as("the first start prints the admin login").isTrue();
            password = printed.group(1);
            signIn(first, "admin");
            first.getBean(AccountService.class).createReseller(
                    new NewAccount("acme", "acme@example.com", "Acme", "a long enough password"),
                    new Allocation(1, 2, 1L << 30, 10L << 30, 1));
        }
        int printedAfterFirstStart = output.getOut().length();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(output.getOut().substring(printedAfterFirstStart)).doesNotContain("VPS Panel admin login");
            assertThat(logIn(second, "admin", password)).isTrue();
            signIn(second, "admin");
            assertThat(second.getBean(AccountService.class).findResellers(AccountFilter.none(), Pageable.unpaged()))
                    .extracting(AccountSummary::username).containsExactly("acme");
        }
    }

    @Test
    void anAdminPasswordFromTheEnvironmentIsUsedAndNeverPrinted(CapturedOutput output) {
        String configured = "configured admin password";

        try (ConfigurableApplicationContext app = start("--vpspanel.admin-password=" + configured)) {
            assertThat(output.getOut())
                    .contains("VPS Panel admin login: admin / (the password in VPSPANEL_ADMIN_PASSWORD)")
                    .doesNotContain(configured);
            assertThat(logIn(app, "admin", configured)).isTrue();
        }
    }

    @Test
    void aTooShortAdminPasswordFromTheEnvironmentStopsTheFirstStart() {
        assertThatThrownBy(() -> start("--vpspanel.admin-password=short").close())
                .isInstanceOf(IllegalStateException.class).hasMessage("VPSPANEL_ADMIN_PASSWORD must be at least 10 characters long");
    }

    private ConfigurableApplicationContext start(String... arguments) {
        String[] args = new String[arguments.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--vpspanel.data-dir=" + dataDir;
        System.arraycopy(arguments, 0, args, 2, arguments.length);
        return new SpringApplicationBuilder(VpsPanelApplication.class).run(args);
    }

    private static void signIn(ConfigurableApplicationContext app, String username) {
        UserDetails user = app.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static boolean logIn(ConfigurableApplicationContext app, String username, String password) {
        return app.getBean(AuthenticationProvider.class)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                .isAuthenticated();
    }
}
