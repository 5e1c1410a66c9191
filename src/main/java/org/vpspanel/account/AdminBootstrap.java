package org.vpspanel.account;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.audit.AuditService;

/**
 * On the first start (no admin yet) creates the admin account, with the password given in
 * VPSPANEL_ADMIN_PASSWORD or a random one that is printed once. There is no default password.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditService audit, Clock clock,
                   @Value("${vpspanel.admin-password:}") String configuredPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.existsByRole(Role.ADMIN)) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        if (!generated && configuredPassword.length() < AccountRules.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("VPSPANEL_ADMIN_PASSWORD must be at least "
                    + AccountRules.MIN_PASSWORD_LENGTH + " characters long");
        }
        String password = generated ? randomPassword() : configuredPassword;
        UserAccount admin = users.save(new UserAccount(ADMIN_USERNAME, "admin@vpspanel.invalid", "Administrator",
                passwordEncoder.encode(password), Role.ADMIN, null, clock.instant()));
        audit.record("admin.create", "user", admin.getId(), generated ? "random password" : "configured password");
        System.out.println("VPS Panel admin login: " + ADMIN_USERNAME + " / "
                + (generated ? password + "   (shown once: keep it)" : "(the password in VPSPANEL_ADMIN_PASSWORD)"));
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
