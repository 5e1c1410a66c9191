package org.vpspanel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(name = "object_type", nullable = false)
    private String objectType;

    @Column(name = "object_id")
    private String objectId;

    @Column(nullable = false)
    private String detail;

    @Column(name = "remote_address")
    private String remoteAddress;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String actor, String action, String objectType, String objectId, String detail,
               String remoteAddress) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.detail = detail;
        this.remoteAddress = remoteAddress;
    }

    AuditRecord toRecord() {
        return new AuditRecord(id, at, actor, action, objectType, objectId, detail, remoteAddress);
    }
}
