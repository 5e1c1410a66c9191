package org.vpspanel.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing: after too many failed logins within a window, for one user name or from one
 * address, further attempts are refused until the window has passed. Kept in PostgreSQL so that every
 * panel instance behind a load balancer counts together.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES_PER_USER = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long until a login for this user from this address may be tried again; zero when it may now. */
    @Transactional(readOnly = true)
    public Duration waitBeforeAttempt(String username, String address) {
        Duration user = wait(userKey(username), MAX_FAILURES_PER_USER);
        Duration client = address == null ? Duration.ZERO : wait(addressKey(address), MAX_FAILURES_PER_ADDRESS);
        return user.compareTo(client) >= 0 ? user : client;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String username, String address) {
        count(userKey(username));
        if (address != null) {
            count(addressKey(address));
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String username) {
        jdbc.update("DELETE FROM login_failure WHERE key = ?", userKey(username));
    }

    private Duration wait(String key, int maxFailures) {
        Instant now = clock.instant();
        return jdbc.query("SELECT failures, window_start FROM login_failure WHERE key = ?", rs -> {
            if (!rs.next() || rs.getInt(1) < maxFailures) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(now, rs.getTimestamp(2).toInstant().plus(WINDOW));
            return left.isNegative() ? Duration.ZERO : left;
        }, key);
    }

    private void count(String key) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp windowStart = Timestamp.from(clock.instant().minus(WINDOW));
        // A window that has passed starts again at one failure.
        jdbc.update("""
                INSERT INTO login_failure (key, failures, window_start) VALUES (?, 1, ?)
                ON CONFLICT (key) DO UPDATE SET
                  failures = CASE WHEN login_failure.window_start < ? THEN 1 ELSE login_failure.failures + 1 END,
                  window_start = CASE WHEN login_failure.window_start < ? THEN EXCLUDED.window_start
                                      ELSE login_failure.window_start END
                """, key, now, windowStart, windowStart);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
