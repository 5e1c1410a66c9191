package org.vpspanel.account;

import java.time.Instant;

/**
 * An API token as listed: never the secret itself, only its first characters ({@code prefix}) so that
 * its owner can tell which one it is. {@code lastUsedAt} is null for a token never used.
 */
public record ApiTokenInfo(Long id, String name, String prefix, Long userId, String username, Instant createdAt,
                           Instant lastUsedAt) {
}
