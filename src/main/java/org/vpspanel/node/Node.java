package org.vpspanel.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.ColumnTransformer;

@Entity
@Table(name = "node")
class Node {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private int cores;

    @Column(nullable = false)
    private long memory;

    @Column(nullable = false)
    private long disk;

    @Column(name = "cpu_overcommit", nullable = false)
    private BigDecimal cpuOvercommit;

    @Column(name = "memory_overcommit", nullable = false)
    private BigDecimal memoryOvercommit;

    @Column(name = "disk_overcommit", nullable = false)
    private BigDecimal diskOvercommit;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "agent_url")
    private String agentUrl;

    @Column(name = "agent_fingerprint")
    private String agentFingerprint;

    @Column(nullable = false)
    private boolean maintenance;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "agent_info", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String agentInfo = "{}";

    @Version
    private long version;

    protected Node() {
    }

    Node(NodeDraft draft, Instant createdAt) {
        this.createdAt = createdAt;
        apply(draft);
    }

    void apply(NodeDraft draft) {
        name = draft.name().trim();
        address = draft.address().trim();
        if (isRemote()) {
            agentUrl = AgentAddress.parse(address).orElseThrow().url(); // the agent moved: same certificate, new address
        }
        cores = draft.cores();
        memory = draft.memory();
        disk = draft.disk();
        cpuOvercommit = BigDecimal.valueOf(draft.cpuOvercommit());
        memoryOvercommit = BigDecimal.valueOf(draft.memoryOvercommit());
        diskOvercommit = BigDecimal.valueOf(draft.diskOvercommit());
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getAddress() {
        return address;
    }

    String getAgentUrl() {
        return agentUrl;
    }

    String getAgentFingerprint() {
        return agentFingerprint;
    }

    /** Reached from now on at {@code agentUrl}; {@code agentFingerprint} pins a remote agent's certificate. */
    void enroll(String agentUrl, String agentFingerprint) {
        this.agentUrl = agentUrl;
        this.agentFingerprint = agentFingerprint;
    }

    boolean isRemote() {
        return agentUrl != null && agentUrl.startsWith(AgentAddress.HTTPS);
    }

    void setMaintenance(boolean maintenance) {
        this.maintenance = maintenance;
    }

    /** The agent answered: it is online, and this is what it says of itself. */
    void heard(Instant at, String agentInfoJson) {
        lastSeenAt = at;
        lastError = null;
        agentInfo = agentInfoJson;
    }

    /** The agent did not answer; the node turns offline once it has been silent for a while. */
    void missed(String error) {
        lastError = error;
    }

    NodeSummary toSummary(Instant now) {
        return new NodeSummary(id, name, address, cores, memory, disk, cpuOvercommit.doubleValue(),
                memoryOvercommit.doubleValue(), diskOvercommit.doubleValue(), maintenance, NodeStatus.of(agentUrl, maintenance,
                lastSeenAt, now), lastSeenAt, lastError, NodeInfoJson.read(agentInfo), agentFingerprint);
    }
}
