package org.vpspanel.node;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface NodeRepository extends JpaRepository<Node, Long>, JpaSpecificationExecutor<Node> {

    @Query("select count(n) > 0 from Node n where lower(n.name) = lower(?1) and (?2 is null or n.id <> ?2)")
    boolean nameTaken(String name, Long exceptId);

    List<Node> findAllByOrderByName();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Node n where n.id = ?1")
    Optional<Node> lockById(Long id);
}
