package org.vpspanel.partition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vpspanel.account.BillingPeriod;

/**
 * The partition_traffic rows: per partition, the running total of its traffic in the current billing period
 * and the agent's counters at the last sample. Kept out of the Partition entity on purpose: the sampler
 * writes it every 10 s, and a JPA save of the partition must not write back an older total.
 */
@Component
class PartitionTraffic {

    /** One partition's row. {@code lastInBytes}/{@code lastOutBytes}: the counters of the last sample. */
    record Row(long partitionId, Instant periodStart, Instant periodEnd, long usedBytes, long lastInBytes,
               long lastOutBytes, OverQuota overQuota, Long throttleRate) {

        /**
         * Adds what the counters grew by since the last sample. The agent counts since the partition started,
         * so a counter below the last one means it restarted: all of its value is new traffic.
         */
        Row counted(long inBytes, long outBytes) {
            long grown = growth(lastInBytes, inBytes) + growth(lastOutBytes, outBytes);
            return new Row(partitionId, periodStart, periodEnd, usedBytes + grown, inBytes, outBytes, overQuota,
                    throttleRate);
        }

        private static long growth(long last, long now) {
            return now >= last ? now - last : now;
        }

        Row inPeriod(BillingPeriod period) {
            return new Row(partitionId, period.start(), period.end(), 0, lastInBytes, lastOutBytes, null, null);
        }

        Row withOverQuota(OverQuota action, Long rate) {
            return new Row(partitionId, periodStart, periodEnd, usedBytes, lastInBytes, lastOutBytes, action, rate);
        }

        boolean endedBy(Instant now) {
            return !now.isBefore(periodEnd);
        }
    }

    private static final String COLUMNS = "partition_id, period_start, period_end, used_bytes, last_in_bytes, "
            + "last_out_bytes, over_quota, throttle_rate";

    private final JdbcTemplate jdbc;

    PartitionTraffic(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long partitionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM partition_traffic WHERE partition_id = ?", PartitionTraffic::row,
                partitionId).stream().findFirst();
    }

    /** The row, locked until the caller's transaction ends, so that samples and resets count one at a time. */
    Optional<Row> lock(long partitionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM partition_traffic WHERE partition_id = ? FOR UPDATE",
                PartitionTraffic::row, partitionId).stream().findFirst();
    }

    void save(Row row) {
        jdbc.update("INSERT INTO partition_traffic (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (partition_id) DO UPDATE SET period_start = EXCLUDED.period_start, "
                        + "period_end = EXCLUDED.period_end, used_bytes = EXCLUDED.used_bytes, "
                        + "last_in_bytes = EXCLUDED.last_in_bytes, last_out_bytes = EXCLUDED.last_out_bytes, "
                        + "over_quota = EXCLUDED.over_quota, throttle_rate = EXCLUDED.throttle_rate",
                row.partitionId(), Timestamp.from(row.periodStart()), Timestamp.from(row.periodEnd()), row.usedBytes(),
                row.lastInBytes(), row.lastOutBytes(), row.overQuota() == null ? null : row.overQuota().name(),
                row.throttleRate());
    }

    /** Partitions (not destroyed) whose billing period has ended by {@code now}. */
    List<Long> endedBy(Instant now) {
        return jdbc.queryForList("SELECT t.partition_id FROM partition_traffic t JOIN partition p ON p.id = t.partition_id "
                + "WHERE t.period_end <= ? AND p.state <> 'DESTROYED'", Long.class, Timestamp.from(now));
    }

    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        String overQuota = rs.getString("over_quota");
        long rate = rs.getLong("throttle_rate");
        Long throttleRate = rs.wasNull() ? null : rate;
        return new Row(rs.getLong("partition_id"), rs.getTimestamp("period_start").toInstant(),
                rs.getTimestamp("period_end").toInstant(), rs.getLong("used_bytes"), rs.getLong("last_in_bytes"),
                rs.getLong("last_out_bytes"), overQuota == null ? null : OverQuota.valueOf(overQuota),
                throttleRate);
    }
}
