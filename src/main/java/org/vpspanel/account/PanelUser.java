package org.vpspanel.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal of a signed-in panel user. */
final class PanelUser implements UserDetails {

    private final Actor actor;
    private final String passwordHash;
    private final boolean enabled;

    PanelUser(UserAccount account) {
        this.actor = new Actor(account.getId(), account.getUsername(), account.getRole(), account.getResellerId());
        this.passwordHash = account.getPasswordHash();
        this.enabled = account.isEnabled();
    }

    Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
