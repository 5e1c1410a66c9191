package org.vpspanel.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
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

    /** The OS templates the plan offers, by id; never empty. */
    @ElementCollection
    @CollectionTable(name = "plan_template", joinColumns = @JoinColumn(name = "plan_id"))
    @Column(name = "template_id", nullable = false)
    @BatchSize(size = 100)
    private Set<Long> templateIds = new HashSet<>();

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

    /** Takes a checked draft whose templates are given. */
    void apply(PlanDraft draft) {
        this.name = draft.name().trim();
        this.templateIds.clear();
        this.templateIds.addAll(draft.templateIds());
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

    Set<Long> getTemplateIds() {
        return Set.copyOf(templateIds);
    }

    OverQuotaAction getOverQuotaAction() {
        return overQuotaAction;
    }

    long getOverQuotaRate() {
        return overQuotaRate;
    }

    Resources resources() {
        return ResourcesJson.read(resources);
    }
}
