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
 * The admin's view of usage across all nodes: which partitions use most CPU, memory and traffic. CPU and
 * memory come from two samples per partition found through usage_sample's primary key (the first and the
 * latest of the hour), traffic from one pass over 30 days of usage_day; so the cost grows with the
 * partitions, never with the samples kept.
 */
@Service
@Transactional(readOnly = true)
public class UsageDashboard {

    /** CPU is averaged over this last stretch; memory is the latest sample in it. */
    public static final Duration CPU_WINDOW = Duration.ofHours(1);
    /** Traffic is summed over this many UTC days, today included. */
    public static final int TRAFFIC_DAYS = 30;
    public static final int MAX_LIMIT = 100;

    /**
     * Per partition: the CPU time between the first and the latest sample of the window (a restart within it
     * counts the time since the restart only: the counter starts again at zero), the latest memory of a
     * running one, and the traffic of the days. Only partitions that ran within the window can have samples
     * in it.
     */
    private static final String FIGURES = """
            WITH recent AS (
                SELECT p.id, CASE WHEN latest.cpu_nanos >= earliest.cpu_nanos THEN latest.cpu_nanos - earliest.cpu_nanos
                                  ELSE latest.cpu_nanos END AS nanos,
                       CASE WHEN p.state = 'RUNNING' THEN latest.memory_bytes END AS memory
                FROM partition p
                JOIN LATERAL (SELECT cpu_nanos, memory_bytes FROM usage_sample s
                              WHERE s.partition_id = p.id AND s.at > ? ORDER BY s.at DESC LIMIT 1) latest ON true
                JOIN LATERAL (SELECT cpu_nanos FROM usage_sample s
                              WHERE s.partition_id = p.id AND s.at > ? ORDER BY s.at LIMIT 1) earliest ON true
                WHERE p.state = 'RUNNING' OR p.updated_at > ?
            ), traffic AS (
                SELECT partition_id, sum(net_in_bytes + net_out_bytes) AS bytes FROM usage_day WHERE day >= ?
                GROUP BY partition_id
            )
            SELECT p.id, p.hostname, p.node_id, p.state = 'RUNNING' AS running, recent.nanos, recent.memory,
                   traffic.bytes AS traffic
            FROM partition p LEFT JOIN recent ON recent.id = p.id LEFT JOIN traffic ON traffic.partition_id = p.id
            WHERE p.state <> 'DESTROYED' AND (p.state = 'RUNNING' OR recent.id IS NOT NULL OR traffic.bytes IS NOT NULL)
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
                rs.getBoolean("running")), since, since, since, firstDay);
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
