package org.vpspanel.account;

import java.time.Instant;

/** An SSH public key a user keeps in the panel, to install into partitions. */
public record SshKeyInfo(Long id, String name, String publicKey, String fingerprint, Instant createdAt) {
}
