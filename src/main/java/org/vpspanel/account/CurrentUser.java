package org.vpspanel.account;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who the current request acts for. Services scope every query by it. */
@Component
public class CurrentUser {

    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PanelUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }

    public Actor require() {
        return find().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
