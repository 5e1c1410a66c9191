package org.vpspanel.account;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;

/** The current user's own SSH public keys. */
@Service
@Transactional
public class SshKeyService {

    private final SshKeyRepository keys;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    SshKeyService(SshKeyRepository keys, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.keys = keys;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SshKeyInfo> myKeys() {
        return keys.findByUserIdOrderByName(currentUser.require().id()).stream().map(SshKey::toInfo).toList();
    }

    public SshKeyInfo add(String name, String publicKey) {
        long userId = currentUser.require().id();
        Validation validation = new Validation();
        validation.check(name != null && !name.isBlank() && name.length() <= 100, "name",
                "Give the key a name of 1 to 100 characters");
        SshPublicKeys.ParsedKey parsed = null;
        try {
            parsed = SshPublicKeys.parse(publicKey);
        } catch (IllegalArgumentException e) {
            validation.check(false, "publicKey", e.getMessage());
        }
        validation.throwIfInvalid();
        if (keys.existsByUserIdAndFingerprint(userId, parsed.fingerprint())) {
            throw new InvalidInputException("publicKey", "This key is already added (" + parsed.fingerprint() + ")");
        }
        SshKey key = keys.save(new SshKey(userId, name.trim(), parsed.normalized(), parsed.fingerprint(),
                clock.instant()));
        audit.record("sshkey.add", "sshkey", key.getId(), parsed.fingerprint());
        return key.toInfo();
    }

    public void remove(long keyId) {
        SshKey key = keys.findByIdAndUserId(keyId, currentUser.require().id())
                .orElseThrow(() -> new NotFoundException("SSH key", keyId));
        keys.delete(key);
        audit.record("sshkey.remove", "sshkey", keyId, "");
    }
}
