package org.vpspanel.plan;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface PlanRepository extends JpaRepository<Plan, Long>, JpaSpecificationExecutor<Plan> {

    @Query("select count(p) > 0 from Plan p where lower(p.name) = lower(?1) and coalesce(p.ownerId, 0) = coalesce(?2, 0)"
            + " and (?3 is null or p.id <> ?3)")
    boolean nameTaken(String name, Long ownerId, Long exceptId);
}
