package org.vpspanel.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PanelUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    PanelUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(PanelUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
