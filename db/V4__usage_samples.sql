-- A partition's counters as its node's agent reported them, every sampling interval while it runs.
-- Counters (CPU time, bytes, operations) only grow while the partition runs; rates come from differences.
CREATE TABLE usage_sample (
    partition_id     BIGINT      NOT NULL REFERENCES partition (id) ON DELETE CASCADE,
    at               TIMESTAMPTZ NOT NULL,
    cpu_nanos        BIGINT      NOT NULL,
    memory_bytes     BIGINT      NOT NULL,
    swap_bytes       BIGINT      NOT NULL,
    processes        BIGINT      NOT NULL,
    disk_used_bytes  BIGINT      NOT NULL,
    disk_total_bytes BIGINT      NOT NULL,
    inodes_used      BIGINT      NOT NULL,
    inodes_total     BIGINT      NOT NULL,
    disk_read_bytes  BIGINT      NOT NULL,
    disk_write_bytes BIGINT      NOT NULL,
    disk_read_ops    BIGINT      NOT NULL,
    disk_write_ops   BIGINT      NOT NULL,
    net_in_bytes     BIGINT      NOT NULL,
    net_out_bytes    BIGINT      NOT NULL,
    PRIMARY KEY (partition_id, at)
);
