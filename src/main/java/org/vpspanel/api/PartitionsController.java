package org.vpspanel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.partition.PartitionFilter;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.partition.PartitionState;
import org.vpspanel.partition.UsageWindow;
import java.util.List;
import org.springframework.web.bind.annotation.PutMapping;

/**
 * Partitions, and what can be done to them. Every host operation is a job: the request answers 202 with
 * the job at once, and GET /api/v1/jobs/{id} tells when and how it ended.
 */
@RestController
@RequestMapping(path = "/api/v1/partitions", produces = "application/json")
@Tag(name = "Partitions", description = "Admins see every partition, resellers their customers', customers their own")
class PartitionsController {

    private final PartitionService partitions;
    private final References references;

    PartitionsController(PartitionService partitions, References references) {
        this.partitions = partitions;
        this.references = references;
    }

    @GetMapping
    @Operation(summary = "List partitions; hostname matches part of it; state narrows to one state "
            + "(destroyed ones are listed only when asked for)")
    ApiPage<PartitionResponse> list(@RequestParam(defaultValue = "") String hostname,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        PartitionFilter filter = new PartitionFilter(hostname, state == null ? null : state(state), null);
        return ApiPage.of(partitions.find(filter, ApiPage.request(page, size)), PartitionResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One partition")
    PartitionResponse get(@PathVariable long id) {
        return PartitionResponse.of(partitions.get(id));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sell a partition to a customer: checks the reseller's allocation and the node's room, "
            + "allocates its addresses")
    ResponseEntity<PartitionResponse> create(@RequestBody PartitionRequest request) {
        PartitionResponse created = PartitionResponse.of(partitions.create(references.newPartition(request)));
        return Created.at(created.id(), created);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Terminate a partition: it is destroyed on its node (202 with the job) and its addresses "
            + "return to the pool; 204 when its node never built it")
    @ApiResponse(responseCode = "202", description = "Destroying: the job")
    @ApiResponse(responseCode = "204", description = "Destroyed at once: its node has no agent, nothing was built")
    ResponseEntity<JobResponse> destroy(@PathVariable long id) {
        return partitions.destroy(id).map(job -> ResponseEntity.accepted().body(JobResponse.of(job)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/{action}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "start, stop or restart (its customer too); suspend or unsuspend (its reseller and admins): "
            + "answers with the job")
    JobResponse act(@PathVariable long id, @PathVariable String action) {
        return JobResponse.of(switch (action) {
            case "start" -> partitions.start(id);
            case "stop" -> partitions.stop(id);
            case "restart" -> partitions.restart(id);
            case "suspend" -> partitions.suspend(id);
            case "unsuspend" -> partitions.unsuspend(id);
            default -> throw new InvalidInputException("action", "Unknown action '" + action
                    + "'; use start, stop, restart, reinstall, suspend or unsuspend");
        });
    }

    @PostMapping("/{id}/reinstall")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reinstall from a template its plan offers (its customer too): every file is replaced, its "
            + "addresses stay; without a body or template, from the template it has")
    JobResponse reinstall(@PathVariable long id, @RequestBody(required = false) ReinstallRequest request) {
        return JobResponse.of(partitions.reinstall(id,
                references.reinstallTemplateId(request == null ? null : request.template())));
    }

    @PutMapping(path = "/{id}/plan", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Move the partition to another plan (its reseller and admins): applied live where the kernel "
            + "allows; the job's result says what waits for a restart")
    JobResponse changePlan(@PathVariable long id, @RequestBody PlanChangeRequest request) {
        return JobResponse.of(partitions.changePlan(id, references.planForPartition(request.plan(), id)));
    }

    @PostMapping(path = "/{id}/ssh-keys", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Make root's authorized keys in the running partition exactly these keys of its customer "
            + "(ids of the customer's own SSH keys; [] removes all)")
    JobResponse installSshKeys(@PathVariable long id, @RequestBody SshKeysRequest request) {
        return JobResponse.of(partitions.installSshKeys(id, request.keys()));
    }

    @PutMapping(path = "/{id}/hostname", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Change the hostname; the job's result says whether the running partition waits for a "
            + "restart to show it")
    JobResponse changeHostname(@PathVariable long id, @RequestBody HostnameRequest request) {
        return JobResponse.of(partitions.changeHostname(id, request.hostname()));
    }

    @PostMapping(path = "/{id}/password", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Set root's password in the running partition (10 to 200 characters); the panel keeps "
            + "and sends only its SHA-512 crypt hash")
    JobResponse setRootPassword(@PathVariable long id, @RequestBody RootPasswordRequest request) {
        return JobResponse.of(partitions.setRootPassword(id, request.password()));
    }

    @GetMapping("/{id}/usage")
    @Operation(summary = "Usage over the last hour, day or month (window), one point per step, oldest first; "
            + "and the traffic this billing month against the monthly quota")
    UsageResponse usage(@PathVariable long id, @RequestParam(defaultValue = "hour") String window) {
        UsageWindow span;
        try {
            span = UsageWindow.valueOf(window.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("window", "Unknown window '" + window + "'; use hour, day or month");
        }
        return UsageResponse.of(span, partitions.usage(id, span), partitions.traffic(id));
    }

    @GetMapping("/{id}/jobs")
    @Operation(summary = "The partition's latest jobs, newest first")
    List<JobResponse> jobs(@PathVariable long id) {
        return partitions.jobs(id).stream().map(JobResponse::of).toList();
    }

    private static PartitionState state(String name) {
        try {
            return PartitionState.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "Unknown state '" + name + "'");
        }
    }
}
