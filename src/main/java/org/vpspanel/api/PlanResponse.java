package org.vpspanel.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.template.TemplateSummary;
import org.vpspanel.resources.Units;

/**
 * A plan with every resource of the catalogue as a property in its unit, as {@link PlanRequest} takes them.
 * {@code global}: an admin's plan that every reseller may sell; {@code templates}: the names of the OS
 * templates it offers.
 */
record PlanResponse(Long id, String name, boolean global, Long resellerId, String overQuotaAction,
                    String overQuotaRate, List<String> templates,
                    @Schema(hidden = true) @JsonAnyGetter Map<String, String> resources) {

    static PlanResponse of(PlanSummary plan) {
        return new PlanResponse(plan.id(), plan.name(), plan.global(), plan.ownerId(),
                plan.overQuotaAction().name().toLowerCase(Locale.ROOT), Units.formatRate(plan.overQuotaRate()),
                plan.templates().stream().map(TemplateSummary::name).toList(), plan.resources().toText());
    }
}
