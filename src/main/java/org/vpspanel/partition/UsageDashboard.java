package org.vpspanel.partition;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;

/**
 * The admin's view of usage across all nodes: which partitions use most CPU, memory and traffic. One query
 * reads each partition's figures through the primary keys of usage_sample and usage_day, so its cost grows
 * with the partitions and an hour of samples, never with the 31 days kept.
 */
@Service
@Transactional(readOnly = true)
public class UsageDashboard {

    /** CPU is averaged over this last stretch; memory is the latest sample in it. */
    public static final Duration CPU_WINDOW = Duration.ofHours(1);
    /** Traffic is summed over this many UTC days, today included. */
    public static final int TRAFFIC_DAYS = 30;
    public static final int MAX_LIMIT = 100;

    private static final String FIGURES = """
            SELECT p.id, p.hostname, p.node_id, p.state = 'RUNNING' AS running, cpu.nanos, memory.bytes AS memory,
                   traffic.bytes AS traffic
            FROM partition p
            LEFT JOIN LATERAL (
                SELECT sum(CASE WHEN growth < 0 THEN cpu_nanos ELSE growth END) AS nanos
                FROM (SELECT cpu_nanos, cpu_nanos - lag(cpu_nanos) OVER (ORDER BY at) AS growth
                      FROM usage_sample s WHERE s.partition_id = p.id AND s.at > ?) samples
            ) cpu ON true
            LEFT JOIN LATERAL (
                SELECT memory_bytes AS bytes FROM usage_sample s
                WHERE s.partition_id = p.id AND s.at > ? AND p.state = 'RUNNING' ORDER BY s.at DESC LIMIT 1
            ) memory ON true
            LEFT JOIN LATERAL (
                SELECT sum(net_in_bytes + net_out_bytes) AS bytes FROM usage_day d
                WHERE d.partition_id = p.id AND d.day >= ?
            ) traffic ON true
            WHERE p.state <> 'DESTROYED'
            """;

    private final JdbcTemplate jdbc;
    private final NodeService nodes;
    private final Clock clock;

    UsageDashboard(JdbcTemplate jdbc, NodeService nodes, Clock clock) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** The {@code limit} top partitions by CPU, memory and traffic (those that used none left out), and node totals. */
    @PreAuthorize("hasRole('ADMIN')")
    public TopConsumers topConsumers(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "List between 1 and " + MAX_LIMIT + " partitions");
        }
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(CPU_WINDOW));
        Date firstDay = Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(TRAFFIC_DAYS - 1));
        List<NodeSummary> allNodes = nodes.all();
        Map<Long, String> nodeNames = allNodes.stream().collect(Collectors.toMap(NodeSummary::id, NodeSummary::name));
        List<Row> rows = jdbc.query(FIGURES, (rs, i) -> new Row(new ConsumerFigures(rs.getLong("id"),
                rs.getString("hostname"), rs.getLong("node_id"), nodeNames.get(rs.getLong("node_id")),
                rs.getLong("nanos") / 1e9 / CPU_WINDOW.toSeconds() * 100, rs.getLong("memory"), rs.getLong("traffic")),
                rs.getBoolean("running")), since, since, firstDay);
        List<ConsumerFigures> figures = rows.stream().map(Row::figures).toList();
        Map<Long, List<Row>> byNode = rows.stream().collect(Collectors.groupingBy(row -> row.figures().nodeId()));
        List<NodeUsageTotals> totals = allNodes.stream().map(node -> {
            List<Row> own = byNode.getOrDefault(node.id(), List.of());
            return new NodeUsageTotals(node.id(), node.name(), own.stream().filter(Row::running).count(),
                    own.stream().mapToDouble(row -> row.figures().cpuPercent()).sum(),
                    own.stream().mapToLong(row -> row.figures().memoryBytes()).sum(),
                    own.stream().mapToLong(row -> row.figures().trafficBytes()).sum());
        }).toList();
        return new TopConsumers(top(figures, ConsumerFigures::cpuPercent, limit),
                top(figures, figure -> figure.memoryBytes(), limit), top(figures, figure -> figure.trafficBytes(), limit),
                totals);
    }

    private static List<ConsumerFigures> top(List<ConsumerFigures> figures, ToDoubleFunction<ConsumerFigures> measure,
                                             int limit) {
        return figures.stream().filter(figure -> measure.applyAsDouble(figure) > 0)
                .sorted(Comparator.comparingDouble(measure).reversed().thenComparing(ConsumerFigures::hostname)
                        .thenComparingLong(ConsumerFigures::partitionId))
                .limit(limit).toList();
    }

    private record Row(ConsumerFigures figures, boolean running) {
    }
}
