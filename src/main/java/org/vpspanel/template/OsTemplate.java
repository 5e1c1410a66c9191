package org.vpspanel.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "os_template")
class OsTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OsTemplate() {
    }

    OsTemplate(String name, String kind, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    TemplateSummary toSummary() {
        return new TemplateSummary(id, name, kind);
    }
}
