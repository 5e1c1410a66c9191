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

    NodeSummary toSummary() {
        return new NodeSummary(id, name, address, cores, memory, disk, cpuOvercommit.doubleValue(),
                memoryOvercommit.doubleValue(), diskOvercommit.doubleValue(), false);
    }
}
