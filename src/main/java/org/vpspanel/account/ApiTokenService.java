package org.vpspanel.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;

/**
 * API tokens for scripts and billing systems. A token is 32 random bytes behind the prefix "vpsp_"; only its
 * SHA-256 hash is stored (a slow password hash adds nothing for a secret of that entropy), so it is shown
 * once, when made. A token acts as its user, with that user's role and tenant, while the user is enabled.
 */
@Service
@Transactional
public class ApiTokenService {

    static final String TOKEN_PREFIX = "vpsp_";
    private static final int SECRET_BYTES = 32;
    /** How much of a token is kept in clear to identify it in lists. */
    private static final int SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length() + 6;
    private static final int MAX_TOKENS_PER_USER = 50;
    /** Last-used times are kept to the minute, so that busy scripts do not write on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, UserAccountRepository users, CurrentUser currentUser,
                    AuditService audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a token for the current user; the result holds the secret, which cannot be shown again. */
    @PreAuthorize("isAuthenticated()")
    public NewApiToken create(String name) {
        return issue(users.findById(currentUser.require().id())
                .orElseThrow(() -> new AccessDeniedException("account gone")), name);
    }

    /** Makes a token for the named user, for the command line (bin/vps-panel create-token), which runs as no one. */
    NewApiToken createForUser(String username, String name) {
        UserAccount user = users.findByUsername(username)
                .orElseThrow(() -> new InvalidInputException("user", "No user named '" + username + "'"));
        if (!user.isEnabled()) {
            throw new InvalidInputException("user", "User '" + username + "' is disabled: its tokens would not work");
        }
        return issue(user, name);
    }

    private NewApiToken issue(UserAccount user, String name) {
        Validation validation = new Validation();
        validation.check(name != null && !name.isBlank() && name.strip().length() <= 100, "name",
                "Give the token a name of 1 to 100 characters");
        validation.check(tokens.countByUserId(user.getId()) < MAX_TOKENS_PER_USER, "name",
                "A user can have at most " + MAX_TOKENS_PER_USER + " tokens: revoke one first");
        validation.throwIfInvalid();
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(user.getId(), name.strip(), hash(token),
                token.substring(0, SHOWN_PREFIX_LENGTH), clock.instant()));
        audit.record("apitoken.create", "user", user.getId(),
                "token '" + saved.getName() + "' (" + token.substring(0, SHOWN_PREFIX_LENGTH) + "…) for "
                        + user.getUsername());
        return new NewApiToken(saved.toInfo(user.getUsername()), token);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiTokenInfo> myTokens() {
        Actor me = currentUser.require();
        return tokens.findByUserIdOrderByCreatedAtDesc(me.id()).stream().map(t -> t.toInfo(me.username())).toList();
    }

    /** Every user's tokens, for an admin. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<ApiTokenInfo> findAll(Pageable pageable) {
        Page<ApiToken> page = tokens.findAll(pageable);
        Map<Long, String> names = users.findAllById(page.map(ApiToken::getUserId).toSet()).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getUsername));
        return page.map(t -> t.toInfo(names.get(t.getUserId())));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long countAll() {
        return tokens.count();
    }

    /** Revokes one of the current user's tokens, or for an admin anyone's; it stops working at once. */
    @PreAuthorize("isAuthenticated()")
    public void revoke(long tokenId) {
        Actor actor = currentUser.require();
        ApiToken token = (actor.isAdmin() ? tokens.findById(tokenId) : tokens.findByIdAndUserId(tokenId, actor.id()))
                .orElseThrow(() -> new NotFoundException("API token", tokenId));
        tokens.delete(token);
        audit.record("apitoken.revoke", "user", token.getUserId(), "token '" + token.getName() + "'");
    }

    /**
     * The signed-in user a bearer token stands for, exactly as after a form login; empty when the token is
     * unknown or revoked, or its user is disabled.
     */
    public Optional<Authentication> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(token)).flatMap(stored -> {
            Instant now = clock.instant();
            if (stored.getLastUsedAt() == null || stored.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
                stored.usedAt(now);
            }
            return users.findById(stored.getUserId());
        }).filter(UserAccount::isEnabled).map(PanelUser::new)
                .map(user -> UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
