package org.vpspanel.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.Validation;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.resources.InvalidResourcesException;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;

/**
 * A new plan: its name, the templates it offers (by name or id; left out: every template), and any resource
 * of the catalogue (../shared/RESOURCES.md) by its field name and in its unit, e.g. {@code "memory": "128M"},
 * {@code "cpuLimit": 100}; the others take their defaults. Any other property is refused. The resource
 * properties are added to the OpenAPI schema from the catalogue.
 */
record PlanRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "small") String name,
                   @Schema(allowableValues = {"throttle", "suspend"}, defaultValue = "throttle") String overQuotaAction,
                   @Schema(description = "Rate when throttled over the quota", defaultValue = "1Mbit") String overQuotaRate,
                   @Schema(description = "The OS templates its partitions may be made and reinstalled from, by name "
                           + "or id; every template when left out", example = "[\"debian-12\"]") List<Reference> templates,
                   @Schema(hidden = true) @JsonAnySetter Map<String, Object> resources) {

    PlanRequest {
        resources = resources == null ? new LinkedHashMap<>() : resources;
    }

    /**
     * The draft the plan service checks, with the templates' ids from {@code templateIds}. Unreadable values
     * are refused here together with values out of bounds and unknown templates, so that one answer names
     * every field that is wrong.
     */
    PlanDraft toDraft(Function<List<Reference>, Set<Long>> templateIds) {
        Validation validation = new Validation();
        Set<Long> offered = null;
        if (templates != null) {
            try {
                offered = templateIds.apply(templates);
            } catch (InvalidInputException e) {
                validation.add(e.violations());
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        resources.forEach((property, value) -> {
            if (ResourceField.byFieldName(property).isEmpty()) {
                validation.check(false, property, "Unknown property '" + property + "'");
            } else if (value instanceof String || value instanceof Integer || value instanceof Long) {
                texts.put(property, value.toString());
            } else {
                validation.check(false, property, "Expected a number or a string with a unit, like \"128M\"");
            }
        });
        Resources parsed = null;
        try {
            parsed = Resources.parse(texts);
            validation.add(parsed.violations());
        } catch (InvalidResourcesException e) {
            validation.add(e.violations());
        }
        OverQuotaAction action = OverQuotaAction.THROTTLE;
        if (overQuotaAction != null) {
            try {
                action = OverQuotaAction.valueOf(overQuotaAction.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                validation.check(false, "overQuotaAction", "Over-quota action must be throttle or suspend");
            }
        }
        long rate = PlanDraft.DEFAULT_OVER_QUOTA_RATE;
        if (overQuotaRate != null) {
            try {
                rate = Units.parseRate(overQuotaRate);
            } catch (IllegalArgumentException e) {
                validation.check(false, "overQuotaRate", e.getMessage());
            }
        }
        validation.throwIfInvalid();
        return new PlanDraft(name, parsed, action, rate, offered);
    }
}
