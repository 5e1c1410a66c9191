package org.vpspanel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vpspanel.partition.PartitionService;

/** Jobs: every host operation on a partition runs as one; poll it to learn when and how it ended. */
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = "application/json")
@Tag(name = "Jobs", description = "The jobs of the partitions the token's user may see")
class JobsController {

    private final PartitionService partitions;

    JobsController(PartitionService partitions) {
        this.partitions = partitions;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One job: queued, running, succeeded or failed, with its result or the reason it failed")
    JobResponse get(@PathVariable long id) {
        return JobResponse.of(partitions.job(id));
    }
}
