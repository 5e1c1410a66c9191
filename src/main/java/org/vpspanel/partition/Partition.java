package org.vpspanel.partition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.ResourcesJson;

@Entity
@Table(name = "partition")
class Partition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String hostname;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "reseller_id")
    private Long resellerId;

    @Column(name = "plan_id", nullable = false)
    private Long planId;

    @Column(name = "node_id", nullable = false)
    private Long nodeId;

    @Column(name = "template_id", nullable = false)
    private Long templateId;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String resources;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartitionState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Partition() {
    }

    Partition(String hostname, Long customerId, Long resellerId, Long planId, Long nodeId, Long templateId,
              Resources resources, Instant now) {
        this.hostname = hostname;
        this.customerId = customerId;
        this.resellerId = resellerId;
        this.planId = planId;
        this.nodeId = nodeId;
        this.templateId = templateId;
        this.resources = ResourcesJson.write(resources);
        this.state = PartitionState.CREATING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    String getHostname() {
        return hostname;
    }

    Long getCustomerId() {
        return customerId;
    }

    Long getResellerId() {
        return resellerId;
    }

    Long getPlanId() {
        return planId;
    }

    Long getNodeId() {
        return nodeId;
    }

    Long getTemplateId() {
        return templateId;
    }

    PartitionState getState() {
        return state;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Resources resources() {
        return ResourcesJson.read(resources);
    }

    void changePlan(long planId, Resources newResources, Instant now) {
        this.planId = planId;
        this.resources = ResourcesJson.write(newResources);
        this.updatedAt = now;
    }

    void reinstallFrom(long newTemplateId, Instant now) {
        this.templateId = newTemplateId;
        this.updatedAt = now;
    }

    void changeHostname(String newHostname, Instant now) {
        this.hostname = newHostname;
        this.updatedAt = now;
    }

    /** Takes the state the host reports, whatever the panel thought; the host is the truth. */
    void observe(PartitionState observed, Instant now) {
        state = observed;
        updatedAt = now;
    }

    void moveTo(PartitionState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("A partition cannot go from " + state.label() + " to " + target.label());
        }
        state = target;
        updatedAt = now;
    }
}
