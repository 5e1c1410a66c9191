package org.vpspanel.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;

/** IPv4 pools of each node and the addresses handed out from them to partitions. */
@Service
@Transactional
public class IpPoolService {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final NodeRepository nodes;
    private final AuditService audit;

    IpPoolService(JdbcTemplate jdbc, NodeRepository nodes, AuditService audit) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.nodes = nodes;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public IpPoolSummary create(IpPoolDraft draft) {
        Validation validation = new Validation();
        String name = draft.name() == null ? "" : draft.name().trim();
        validation.check(name.matches("[a-z0-9][a-z0-9._-]{0,62}"), "name",
                "Pool name must be 1-63 lower-case letters, digits, '.', '_' or '-'");
        validation.check(draft.nodeId() != null && nodes.existsById(draft.nodeId()), "node", "Choose a node");
        var network = Ipv4.Network.parse(draft.cidr());
        validation.check(network.isPresent(), "cidr",
                "CIDR must be an IPv4 network such as 10.10.0.0/24 (prefix 8 to 32, host bits zero)");
        var gateway = Ipv4.parse(draft.gateway());
        var start = Ipv4.parse(draft.rangeStart());
        var end = Ipv4.parse(draft.rangeEnd());
        validation.check(gateway.isPresent() && network.map(n -> n.usableForHost(gateway.get())).orElse(true),
                "gateway", "Gateway must be a host address inside " + draft.cidr());
        validation.check(start.isPresent() && network.map(n -> n.usableForHost(start.get())).orElse(true),
                "rangeStart", "Range start must be a host address inside " + draft.cidr());
        validation.check(end.isPresent() && network.map(n -> n.usableForHost(end.get())).orElse(true),
                "rangeEnd", "Range end must be a host address inside " + draft.cidr());
        validation.check(start.isEmpty() || end.isEmpty() || !start.get().after(end.get()), "rangeEnd",
                "Range end must not come before range start");
        validation.check(validation.hasErrorFor("name") || !exists("SELECT count(*) FROM ip_pool WHERE name = ?", name),
                "name", "A pool named '" + name + "' exists already");
        if (network.isPresent()) {
            List<String> overlapping = jdbc.queryForList("SELECT name FROM ip_pool WHERE cidr && ?::cidr", String.class,
                    network.get().toString());
            validation.check(overlapping.isEmpty(), "cidr", "Overlaps pool " + String.join(", ", overlapping));
        }
        validation.throwIfInvalid();
        Long id = jdbc.queryForObject("""
                INSERT INTO ip_pool (name, node_id, cidr, gateway, range_start, range_end)
                VALUES (?, ?, ?::cidr, ?::inet, ?::inet, ?::inet) RETURNING id
                """, Long.class, name, draft.nodeId(), network.get().toString(), gateway.get().toString(),
                start.get().toString(), end.get().toString());
        audit.record("ippool.create", "ippool", id, name + " " + network.get());
        return get(id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void delete(long poolId) {
        IpPoolSummary pool = get(poolId);
        if (pool.used() > 0) {
            throw new InvalidInputException("pool", "Pool '" + pool.name() + "' has " + pool.used()
                    + " addresses in use by partitions");
        }
        jdbc.update("DELETE FROM ip_pool WHERE id = ?", poolId);
        audit.record("ippool.delete", "ippool", poolId, pool.name());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<IpPoolSummary> all() {
        return jdbc.query(SELECT_POOLS + " ORDER BY p.name", (rs, i) -> toSummary(rs));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public IpPoolSummary get(long poolId) {
        return jdbc.query(SELECT_POOLS + " WHERE p.id = ?", (rs, i) -> toSummary(rs), poolId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("IP pool", poolId));
    }

    /**
     * Hands out {@code count} free addresses from the node's pools to a partition, in pool order, or
     * refuses when the node has fewer free. Pools are locked until the caller's transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> allocate(long nodeId, int count, long partitionId) {
        List<String> addresses = new ArrayList<>();
        if (count == 0) {
            return addresses;
        }
        List<Map<String, Object>> pools = jdbc.queryForList("""
                SELECT id, cidr::text AS cidr, host(gateway) AS gateway, host(range_start) AS range_start,
                       host(range_end) AS range_end
                FROM ip_pool WHERE node_id = ? ORDER BY id FOR UPDATE
                """, nodeId);
        for (Map<String, Object> pool : pools) {
            long poolId = (Long) pool.get("id");
            Set<String> taken = new HashSet<>(jdbc.queryForList(
                    "SELECT host(address) FROM ip_allocation WHERE pool_id = ?", String.class, poolId));
            Ipv4.Network network = Ipv4.Network.parse((String) pool.get("cidr")).orElseThrow();
            String gateway = (String) pool.get("gateway");
            Ipv4 end = Ipv4.parse((String) pool.get("range_end")).orElseThrow();
            for (Ipv4 ip = Ipv4.parse((String) pool.get("range_start")).orElseThrow();
                 !ip.after(end) && addresses.size() < count; ip = ip.next()) {
                String address = ip.toString();
                if (!taken.contains(address) && !address.equals(gateway) && network.usableForHost(ip)) {
                    jdbc.update("INSERT INTO ip_allocation (address, pool_id, partition_id) VALUES (?::inet, ?, ?)",
                            address, poolId, partitionId);
                    addresses.add(address);
                }
            }
        }
        if (addresses.size() < count) {
            throw new InvalidInputException("ipv4Addresses", "The node's IP pools have only " + addresses.size()
                    + " free addresses; " + count + " are needed");
        }
        return addresses;
    }

    /** How many addresses the node's pools have left. */
    @Transactional(readOnly = true)
    public long freeAddresses(long nodeId) {
        return jdbc.query(SELECT_POOLS + " WHERE p.node_id = ?", (rs, i) -> toSummary(rs), nodeId).stream()
                .mapToLong(IpPoolSummary::free).sum();
    }

    /** The pools of each of the nodes. */
    @Transactional(readOnly = true)
    List<IpPoolSummary> poolsOf(Collection<Long> nodeIds) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        return named.query(SELECT_POOLS + " WHERE p.node_id IN (:ids)", Map.of("ids", nodeIds), (rs, i) -> toSummary(rs));
    }

    /** The addresses of each partition with their pool's prefix length, its primary (first allocated) first. */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> addressesOf(Collection<Long> partitionIds) {
        Map<Long, List<String>> result = new HashMap<>();
        if (partitionIds.isEmpty()) {
            return result;
        }
        named.query("""
                SELECT a.partition_id, host(a.address) || '/' || masklen(p.cidr) AS address
                FROM ip_allocation a JOIN ip_pool p ON p.id = a.pool_id
                WHERE a.partition_id IN (:ids) ORDER BY a.ordinal
                """, Map.of("ids", partitionIds), rs -> {
            result.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        return result;
    }

    /**
     * A partition's first {@code count} addresses in the order it got them, with their prefix lengths
     * ("10.88.0.2/24"), and the gateway of the first one's pool; empty when it has none.
     */
    @Transactional(readOnly = true)
    public Optional<Attachment> attachmentOf(long partitionId, int count) {
        List<String[]> rows = jdbc.query("SELECT host(a.address) || '/' || masklen(p.cidr), host(p.gateway)"
                        + " FROM ip_allocation a JOIN ip_pool p ON p.id = a.pool_id WHERE a.partition_id = ?"
                        + " ORDER BY a.ordinal LIMIT ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, partitionId, count);
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Attachment(
                rows.stream().map(row -> row[0]).toList(), rows.getFirst()[1]));
    }

    /** Addresses with their prefix lengths, the first one primary, and the gateway of the first one's network. */
    public record Attachment(List<String> addresses, String gateway) {
    }

    /** Hands out more addresses from the node's pools until the partition has {@code count}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void allocateUpTo(long nodeId, int count, long partitionId) {
        Integer held = jdbc.queryForObject("SELECT count(*) FROM ip_allocation WHERE partition_id = ?", Integer.class,
                partitionId);
        if (count > held) {
            allocate(nodeId, count - held, partitionId);
        }
    }

    /** Returns a partition's addresses beyond its first {@code count} (the ones it got last) to their pools. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseBeyond(long partitionId, int count) {
        jdbc.update("DELETE FROM ip_allocation WHERE partition_id = ? AND ordinal NOT IN"
                + " (SELECT ordinal FROM ip_allocation WHERE partition_id = ? ORDER BY ordinal LIMIT ?)",
                partitionId, partitionId, count);
    }

    /** Returns a partition's addresses to their pools. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long partitionId) {
        releaseBeyond(partitionId, 0);
    }

    private boolean exists(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count != null && count > 0;
    }

    private static final String SELECT_POOLS = """
            SELECT p.id, p.name, p.node_id, n.name AS node_name, p.cidr::text AS cidr, host(p.gateway) AS gateway,
                   host(p.range_start) AS range_start, host(p.range_end) AS range_end,
                   (SELECT count(*) FROM ip_allocation a WHERE a.pool_id = p.id) AS used,
                   (p.range_end - p.range_start) + 1 AS size,
                   (p.gateway BETWEEN p.range_start AND p.range_end) AS gateway_in_range
            FROM ip_pool p JOIN node n ON n.id = p.node_id
            """;

    private static IpPoolSummary toSummary(java.sql.ResultSet rs) throws java.sql.SQLException {
        long size = rs.getLong("size") - (rs.getBoolean("gateway_in_range") ? 1 : 0);
        long used = rs.getLong("used");
        return new IpPoolSummary(rs.getLong("id"), rs.getString("name"), rs.getLong("node_id"),
                rs.getString("node_name"), rs.getString("cidr"), rs.getString("gateway"), rs.getString("range_start"),
                rs.getString("range_end"), used, size - used);
    }
}
