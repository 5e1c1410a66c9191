package org.vpspanel.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "ssh_key")
class SshKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(nullable = false)
    private String name;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SshKey() {
    }

    SshKey(Long userId, String name, String publicKey, String fingerprint, Instant createdAt) {
        this.userId = userId;
        this.name = name;
        this.publicKey = publicKey;
        this.fingerprint = fingerprint;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    SshKeyInfo toInfo() {
        return new SshKeyInfo(id, name, publicKey, fingerprint, createdAt);
    }
}
