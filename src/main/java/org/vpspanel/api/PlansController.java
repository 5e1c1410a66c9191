package org.vpspanel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vpspanel.plan.PlanService;

@RestController
@RequestMapping(path = "/api/v1/plans", produces = "application/json")
@Tag(name = "Plans", description = "Global plans (admins) and each reseller's own")
class PlansController {

    private final PlanService plans;
    private final References references;

    PlansController(PlanService plans, References references) {
        this.plans = plans;
        this.references = references;
    }

    @GetMapping
    @Operation(summary = "List the plans the caller may sell; q matches the name")
    ApiPage<PlanResponse> list(@RequestParam(defaultValue = "") String q,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        return ApiPage.of(plans.find(q, ApiPage.request(page, size)), PlanResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan")
    PlanResponse get(@PathVariable long id) {
        return PlanResponse.of(plans.get(id));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a plan: global when an admin makes it, the reseller's own when a reseller does")
    ResponseEntity<PlanResponse> create(@RequestBody PlanRequest request) {
        PlanResponse created = PlanResponse.of(plans.create(request.toDraft(references::templateIds)));
        return Created.at(created.id(), created);
    }
}
