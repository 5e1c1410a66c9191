package org.vpspanel.partition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores the counters agents report and turns them into graph points. Each point covers one step of the
 * window: gauges (memory, disk, processes) as their last value in the step, counters as their growth per
 * second over the step, never negative (a counter starts again at zero when its partition restarts).
 */
@Component
class UsageSamples {

    private static final String POINTS = """
            WITH stepped AS (
                SELECT date_bin(make_interval(secs => ?), at, TIMESTAMPTZ '2000-01-01') AS step, *
                FROM usage_sample WHERE partition_id = ? AND at > ?
            ), ends AS (
                SELECT DISTINCT ON (step) step, at, cpu_nanos, memory_bytes, swap_bytes, processes, disk_used_bytes,
                       disk_total_bytes, inodes_used, inodes_total, disk_read_bytes, disk_write_bytes, net_in_bytes,
                       net_out_bytes
                FROM stepped ORDER BY step, at DESC
            ), rated AS (
                SELECT *, extract(epoch FROM at - lag(at) OVER w) AS seconds,
                       cpu_nanos - lag(cpu_nanos) OVER w AS cpu, disk_read_bytes - lag(disk_read_bytes) OVER w AS rd,
                       disk_write_bytes - lag(disk_write_bytes) OVER w AS wr,
                       net_in_bytes - lag(net_in_bytes) OVER w AS nin, net_out_bytes - lag(net_out_bytes) OVER w AS nout
                FROM ends WINDOW w AS (ORDER BY step)
            )
            SELECT * FROM rated WHERE seconds > 0 ORDER BY step
            """;

    private static final String LIMIT_EVENTS = """
            WITH deltas AS (
                SELECT at,
                       oom_kills - coalesce(lag(oom_kills) OVER w, 0) AS oom,
                       process_limit_hits - coalesce(lag(process_limit_hits) OVER w, 0) AS pids,
                       cpu_throttled_nanos - coalesce(lag(cpu_throttled_nanos) OVER w, 0) AS throttled,
                       disk_total_bytes > 0 AND disk_total_bytes - disk_used_bytes < disk_total_bytes / 100 AS disk_full,
                       coalesce(lag(disk_total_bytes > 0 AND disk_total_bytes - disk_used_bytes < disk_total_bytes / 100)
                                OVER w, false) AS disk_was_full,
                       disk_total_bytes
                FROM usage_sample WHERE partition_id = ? AND at > ? WINDOW w AS (ORDER BY at)
            )
            SELECT at, 'OUT_OF_MEMORY' AS kind, oom AS amount FROM deltas WHERE oom > 0
            UNION ALL SELECT at, 'PROCESS_LIMIT', pids FROM deltas WHERE pids > 0
            UNION ALL SELECT at, 'CPU_THROTTLED', throttled FROM deltas WHERE throttled > 0
            UNION ALL SELECT at, 'DISK_FULL', disk_total_bytes FROM deltas WHERE disk_full AND NOT disk_was_full
            UNION ALL SELECT finished_at, 'TRAFFIC_THROTTLED', (params->>'rate')::BIGINT FROM partition_job
                WHERE partition_id = ? AND finished_at > ? AND kind = 'THROTTLE_TRAFFIC' AND state = 'SUCCEEDED'
            UNION ALL SELECT finished_at, 'TRAFFIC_SUSPENDED', (params->>'quotaBytes')::BIGINT FROM partition_job
                WHERE partition_id = ? AND finished_at > ? AND kind = 'SUSPEND' AND state = 'SUCCEEDED'
                      AND params->>'reason' = ?
            ORDER BY at DESC LIMIT 500
            """;

    private final JdbcTemplate jdbc;

    UsageSamples(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a sample and adds its traffic to the partition's day (see db/V10__dashboard.sql); a repeated one changes nothing. */
    void record(long partitionId, Instant at, Map<String, Object> counters) {
        jdbc.update("""
                WITH sample AS (
                    INSERT INTO usage_sample (partition_id, at, cpu_nanos, memory_bytes, swap_bytes, processes,
                        disk_used_bytes, disk_total_bytes, inodes_used, inodes_total, disk_read_bytes, disk_write_bytes,
                        disk_read_ops, disk_write_ops, net_in_bytes, net_out_bytes, oom_kills, process_limit_hits,
                        cpu_throttled_nanos)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    RETURNING partition_id, at, net_in_bytes, net_out_bytes
                ), previous AS (
                    SELECT net_in_bytes, net_out_bytes FROM usage_sample WHERE partition_id = ? AND at < ?
                    ORDER BY at DESC LIMIT 1
                ), growth AS (
                    SELECT s.partition_id, s.at, s.net_in_bytes, s.net_out_bytes,
                           s.net_in_bytes - coalesce(p.net_in_bytes, 0) AS net_in_growth,
                           s.net_out_bytes - coalesce(p.net_out_bytes, 0) AS net_out_growth
                    FROM sample s LEFT JOIN previous p ON true
                )
                INSERT INTO usage_day (partition_id, day, net_in_bytes, net_out_bytes)
                SELECT partition_id, (at AT TIME ZONE 'UTC')::date,
                       CASE WHEN net_in_growth < 0 THEN net_in_bytes ELSE net_in_growth END,
                       CASE WHEN net_out_growth < 0 THEN net_out_bytes ELSE net_out_growth END
                FROM growth
                ON CONFLICT (partition_id, day) DO UPDATE SET
                    net_in_bytes = usage_day.net_in_bytes + excluded.net_in_bytes,
                    net_out_bytes = usage_day.net_out_bytes + excluded.net_out_bytes
                """, partitionId, Timestamp.from(at), counter(counters, "cpuNanos"), counter(counters, "memoryBytes"),
                counter(counters, "swapBytes"), counter(counters, "processes"), counter(counters, "diskBytesUsed"),
                counter(counters, "diskBytesTotal"), counter(counters, "inodesUsed"), counter(counters, "inodesTotal"),
                counter(counters, "diskReadBytes"), counter(counters, "diskWriteBytes"),
                counter(counters, "diskReadOps"), counter(counters, "diskWriteOps"), counter(counters, "netBytesIn"),
                counter(counters, "netBytesOut"), counter(counters, "oomKills"),
                counter(counters, "processLimitHits"), counter(counters, "cpuThrottledNanos"), partitionId,
                Timestamp.from(at));
    }

    /**
     * The times the kernel held the partition back since {@code since}, newest first: growth of its counters
     * from one sample to the next (a drop means the partition restarted and counts from zero again), the
     * samples at which its disk became full, and the moments the traffic quota throttled or suspended it (when
     * its job had done so on the host).
     */
    List<LimitEvent> limitEvents(long partitionId, Instant since) {
        Timestamp from = Timestamp.from(since);
        return jdbc.query(LIMIT_EVENTS, (rs, i) -> new LimitEvent(rs.getTimestamp("at").toInstant(),
                LimitEvent.Kind.valueOf(rs.getString("kind")), rs.getLong("amount")), partitionId, from,
                partitionId, from, partitionId, from, TrafficQuota.SUSPEND_REASON);
    }

    /** The network counters of the partition's latest sample before {@code at}, if it has one. */
    Optional<NetCounters> netCountersBefore(long partitionId, Instant at) {
        return jdbc.query("SELECT net_in_bytes, net_out_bytes FROM usage_sample WHERE partition_id = ? AND at < ? "
                        + "ORDER BY at DESC LIMIT 1", (rs, i) -> new NetCounters(rs.getLong(1), rs.getLong(2)),
                partitionId, Timestamp.from(at)).stream().findFirst();
    }

    /** Bytes received and sent since the partition started, as its agent counts them. */
    record NetCounters(long inBytes, long outBytes) {

        static NetCounters of(Map<String, Object> counters) {
            return new NetCounters(counter(counters, "netBytesIn"), counter(counters, "netBytesOut"));
        }
    }

    /** A counter as reported, or 0 where the host does not account it (the agent says -1). */
    private static long counter(Map<String, Object> counters, String name) {
        return counters.get(name) instanceof Number n ? Math.max(0, n.longValue()) : 0;
    }

    List<UsagePoint> points(long partitionId, UsageWindow window, Instant now) {
        return jdbc.query(POINTS, (rs, i) -> point(rs), window.step().toSeconds(), partitionId,
                Timestamp.from(now.minus(window.span()).minus(window.step())));
    }

    void deleteOlderThan(Instant cutoff) {
        jdbc.update("DELETE FROM usage_sample WHERE at < ?", Timestamp.from(cutoff));
        jdbc.update("DELETE FROM usage_day WHERE day < (?::timestamptz AT TIME ZONE 'UTC')::date", Timestamp.from(cutoff));
    }

    private static UsagePoint point(ResultSet rs) throws SQLException {
        double seconds = rs.getDouble("seconds");
        return new UsagePoint(rs.getTimestamp("at").toInstant(),
                Math.max(0, rs.getLong("cpu")) / 1e9 / seconds * 100, rs.getLong("memory_bytes"),
                rs.getLong("swap_bytes"), rs.getLong("processes"), rs.getLong("disk_used_bytes"),
                rs.getLong("disk_total_bytes"), rs.getLong("inodes_used"), rs.getLong("inodes_total"),
                Math.max(0, rs.getLong("rd")) / seconds, Math.max(0, rs.getLong("wr")) / seconds,
                Math.max(0, rs.getLong("nin")) / seconds, Math.max(0, rs.getLong("nout")) / seconds);
    }
}
