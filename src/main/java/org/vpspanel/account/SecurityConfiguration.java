package org.vpspanel.account;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.vpspanel.account.ui.LoginView;
import org.vpspanel.audit.AuditService;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Where the browser's console terminals connect (org.vpspanel.ui.Terminal; see docs/architecture.md). */
    static final String CONSOLE_PATHS = "/console/**";

    /** Only with a web server: commands (bin/vps-panel create-token) run the same application without one. */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain panelSecurity(HttpSecurity http) throws Exception {
        // The web console's WebSocket is no Vaadin view, so Vaadin's rules would refuse it: signed-in users may
        // open it, and the endpoint checks that the partition is theirs.
        http.authorizeHttpRequests(requests -> requests.requestMatchers(CONSOLE_PATHS).authenticated());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        http.addFilterBefore(new SameOriginLogin(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Argon2id for new hashes; the prefix in each stored hash lets the algorithm change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationProvider authenticationProvider(PanelUserDetailsService users, PasswordEncoder passwordEncoder,
                                                  LoginThrottle throttle, AuditService audit) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        // Whether an account is disabled is told only to whoever knows its password.
        UserDetailsChecker accountChecks = new AccountStatusUserDetailsChecker();
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(accountChecks);
        return new ThrottledAuthenticationProvider(passwords, throttle, audit);
    }
}
