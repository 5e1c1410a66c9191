package org.vpspanel.plan;

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
@Table(name = "plan")
class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String resources;

    @Enumerated(EnumType.STRING)
    @Column(name = "over_quota_action", nullable = false)
    private OverQuotaAction overQuotaAction;

    @Column(name = "over_quota_rate", nullable = false)
    private long overQuotaRate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Plan() {
    }

    Plan(Long ownerId, PlanDraft draft, Instant createdAt) {
        this.ownerId = ownerId;
        this.createdAt = createdAt;
        apply(draft);
    }

    void apply(PlanDraft draft) {
        this.name = draft.name().trim();
        this.resources = ResourcesJson.write(draft.resources());
        this.overQuotaAction = draft.overQuotaAction();
        this.overQuotaRate = draft.overQuotaRate();
    }

    Long getId() {
        return id;
    }

    Long getOwnerId() {
        return ownerId;
    }

    String getName() {
        return name;
    }

    PlanSummary toSummary() {
        return new PlanSummary(id, name, ownerId, ResourcesJson.read(resources), overQuotaAction, overQuotaRate);
    }

    Resources resources() {
        return ResourcesJson.read(resources);
    }
}
