package org.vpspanel.partition;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PartitionRepository extends JpaRepository<Partition, Long>, JpaSpecificationExecutor<Partition> {
}
