package org.vpspanel.account;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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

    /**
     * A customer's keys by id, for installing into its partition; the caller has checked that the current
     * user may act on that customer's partition. A key of anyone else is refused, as if it did not exist.
     */
    @Transactional(readOnly = true)
    public List<SshKeyInfo> keysOf(long customerId, Collection<Long> keyIds) {
        Set<Long> wanted = Set.copyOf(keyIds);
        List<SshKeyInfo> found = keys.findByUserIdAndIdIn(customerId, wanted).stream().map(SshKey::toInfo).toList();
        if (found.size() != wanted.size()) {
            throw new InvalidInputException("keys", "Choose among the partition's customer's own SSH keys");
        }
        return found;
    }

    /** The keys a customer keeps, to choose from for its partition (same caller rule as above). */
    @Transactional(readOnly = true)
    public List<SshKeyInfo> keysOf(long customerId) {
        return keys.findByUserIdOrderByName(customerId).stream().map(SshKey::toInfo).toList();
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
