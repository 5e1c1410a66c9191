package org.vpspanel.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SshKeyRepository extends JpaRepository<SshKey, Long> {

    List<SshKey> findByUserIdOrderByName(Long userId);

    Optional<SshKey> findByIdAndUserId(Long id, Long userId);

    List<SshKey> findByUserIdAndIdIn(Long userId, Collection<Long> ids);

    boolean existsByUserIdAndFingerprint(Long userId, String fingerprint);
}
