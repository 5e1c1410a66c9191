package org.vpspanel.account;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.vpspanel.audit.AuditService;

/** Password login with throttling of repeated failures; every attempt is in the audit log. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditService audit;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle, AuditService audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = clientAddress();
        Duration wait = throttle.waitBeforeAttempt(username, address);
        if (!wait.isZero()) {
            audit.recordStandalone(username, "login.throttled", "user", username, "");
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new LockedException("Too many failed logins. Try again in " + minutes + " minute"
                    + (minutes == 1 ? "" : "s") + ".");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(username);
            audit.recordStandalone(username, "login", "user", username, "");
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(username, address);
            audit.recordStandalone(username, "login.failed", "user", username, "");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
