package org.vpspanel.api;

import io.swagger.v3.oas.annotations.Operation;
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

/**
 * Partitions. The actions on a running partition (start, stop, restart, reinstall, suspend, unsuspend, plan
 * change, usage) belong here too, as sub-resources of /{id}, once they run as jobs on the hosts.
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
        PartitionFilter filter = new PartitionFilter(hostname, state == null ? null : state(state));
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
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Terminate a partition: it is destroyed and its addresses return to the pool")
    void destroy(@PathVariable long id) {
        partitions.destroy(id);
    }

    private static PartitionState state(String name) {
        try {
            return PartitionState.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "Unknown state '" + name + "'");
        }
    }
}
