package org.vpspanel.partition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.vpspanel.account.Allocation;
import org.vpspanel.account.ResellerUsage;
import org.vpspanel.node.NodeHeld;
import org.vpspanel.node.NodeUsage;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

/**
 * Sums of what partitions hold (every state but destroyed): per reseller, against its allocation, and
 * per node, against its capacity.
 */
@Component
class HeldResources implements ResellerUsage, NodeUsage {

    private static final String SUMS = """
            SELECT count(*),
                   coalesce(sum((resources->>'cpus')::bigint), 0),
                   coalesce(sum((resources->>'memory')::bigint), 0),
                   coalesce(sum((resources->>'disk')::bigint), 0),
                   coalesce(sum((resources->>'ipv4Addresses')::bigint), 0)
            FROM partition WHERE state <> 'DESTROYED' AND\s""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    HeldResources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Allocation usedBy(long resellerId) {
        return sum("reseller_id = ?", resellerId);
    }

    Allocation onNode(long nodeId) {
        return sum("node_id = ?", nodeId);
    }

    @Override
    public Map<Long, NodeHeld> heldOn(Collection<Long> nodeIds) {
        Map<Long, NodeHeld> held = new HashMap<>();
        if (!nodeIds.isEmpty()) {
            named.query("""
                    SELECT node_id, count(*), sum((resources->>'cpus')::bigint), sum((resources->>'memory')::bigint),
                           sum((resources->>'disk')::bigint)
                    FROM partition WHERE state <> 'DESTROYED' AND node_id IN (:ids) GROUP BY node_id
                    """, Map.of("ids", nodeIds), rs -> {
                        held.put(rs.getLong(1), new NodeHeld(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    });
        }
        return held;
    }

    static Allocation of(Resources resources) {
        return new Allocation(1, (int) resources.get(ResourceField.CPUS), resources.get(ResourceField.MEMORY),
                resources.get(ResourceField.DISK), (int) resources.get(ResourceField.IPV4_ADDRESSES));
    }

    private Allocation sum(String condition, long id) {
        List<Allocation> rows = jdbc.query(SUMS + condition, (rs, i) -> new Allocation(rs.getInt(1), rs.getInt(2),
                rs.getLong(3), rs.getLong(4), rs.getInt(5)), id);
        return rows.getFirst();
    }
}
