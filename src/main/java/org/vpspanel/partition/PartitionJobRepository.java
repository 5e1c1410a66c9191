package org.vpspanel.partition;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartitionJobRepository extends JpaRepository<PartitionJob, Long> {

    /** The partition's oldest job that has not finished: the one allowed to run. */
    @Query("select j from PartitionJob j where j.partitionId = ?1 and j.state in ('QUEUED', 'RUNNING') order by j.id")
    List<PartitionJob> unfinished(Long partitionId);

    /** The oldest unfinished job of each of these partitions comes first. */
    @Query("select j from PartitionJob j where j.partitionId in ?1 and j.state in ('QUEUED', 'RUNNING') order by j.id")
    List<PartitionJob> unfinishedOf(java.util.Collection<Long> partitionIds);

    List<PartitionJob> findTop20ByPartitionIdOrderByIdDesc(Long partitionId);

    @Query(value = """
            SELECT j.id FROM partition_job j WHERE j.state = 'QUEUED' AND j.created_at < now() - interval '20 seconds'
            AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t
                            WHERE t.task_name = 'partition-job' AND t.task_instance = 'job-' || j.id)
            """, nativeQuery = true)
    List<Long> queuedWithoutExecution();

    /** Whether the partition's latest (not failed) suspend or unsuspend job is a suspension for this reason. */
    @Query(value = """
            SELECT coalesce((SELECT kind = 'SUSPEND' AND params->>'reason' = ?2 FROM partition_job
                             WHERE partition_id = ?1 AND kind IN ('SUSPEND', 'UNSUSPEND') AND state <> 'FAILED'
                             ORDER BY id DESC LIMIT 1), false)
            """, nativeQuery = true)
    boolean lastSuspensionIsFor(Long partitionId, String reason);

    @Query("select count(j) > 0 from PartitionJob j where j.partitionId = ?1 and j.state in ('QUEUED', 'RUNNING')")
    boolean hasUnfinished(Long partitionId);
}
