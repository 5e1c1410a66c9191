package org.vpspanel.partition;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PartitionRepository extends JpaRepository<Partition, Long>, JpaSpecificationExecutor<Partition> {

    List<Partition> findByNodeIdAndStateIn(Long nodeId, Collection<PartitionState> states);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Partition p where p.id = ?1")
    Optional<Partition> lockById(Long id);
}
