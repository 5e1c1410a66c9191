package org.vpspanel.account;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets the panel itself act with an admin's rights where no user is signed in (the start-up enrollment of
 * the local node, background jobs); the audit log names the actor "system".
 */
public final class SystemActor {

    public static final String NAME = "system";

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> action) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(system);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
