package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vpspanel.account.AccountServiceTest.credentials;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.vpspanel.testing.MutableClock;
import org.vpspanel.testing.PanelTest;

/** The real login path (the panel's authentication provider) counting failures in the real database. */
class LoginThrottleTest extends PanelTest {

    @Autowired
    AuthenticationProvider login;

    @BeforeEach
    void aReseller() {
        createReseller("acme");
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefused() {
        failLogins("acme", 5);

        assertThatThrownBy(() -> login.authenticate(credentials("acme", PASSWORD)))
                .isInstanceOf(LockedException.class)
                .hasMessage("Too many failed logins. Try again in 15 minutes.");
    }

    @Test
    void fourFailuresStillLetTheRightPasswordIn() {
        failLogins("acme", 4);

        assertThat(login.authenticate(credentials("acme", PASSWORD)).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        failLogins("acme", 4);
        login.authenticate(credentials("acme", PASSWORD));
        failLogins("acme", 4);

        assertThat(login.authenticate(credentials("acme", PASSWORD)).isAuthenticated()).isTrue();
    }

    @Test
    void theCountIsPerUserNameWhateverItsCase() {
        createReseller("globex");
        failLogins("ACME", 5);

        assertThatThrownBy(() -> login.authenticate(credentials("acme", PASSWORD))).isInstanceOf(LockedException.class);
        assertThat(login.authenticate(credentials("globex", PASSWORD)).isAuthenticated()).isTrue();
    }

    @Test
    void theLockEndsWhenTheWindowHasPassed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(database.jdbc(), clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            throttle.recordFailure("acme", "192.0.2.1");
        }

        clock.advance(Duration.ofMinutes(5));
        Duration wait = throttle.waitBeforeAttempt("acme", "192.0.2.1");
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(wait).isEqualTo(Duration.ofMinutes(10));
        assertThat(throttle.waitBeforeAttempt("acme", "192.0.2.1")).isZero();
    }

    @Test
    void manyFailuresFromOneAddressPauseEveryUserNameFromThere() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(database.jdbc(), clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.recordFailure("guess" + i, "192.0.2.7");
        }

        assertThat(throttle.waitBeforeAttempt("acme", "192.0.2.7")).isEqualTo(LoginThrottle.WINDOW);
        assertThat(throttle.waitBeforeAttempt("acme", "192.0.2.8")).isZero();
    }

    private void failLogins(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> login.authenticate(credentials(username, "wrong password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }
}
