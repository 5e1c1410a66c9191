package org.vpspanel.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vpspanel.partition.PartitionSummary;

/**
 * A partition; {@code resources} are the values it has, in the catalogue's units; {@code job} is the job under
 * way on it, if any.
 */
record PartitionResponse(Long id, String hostname, String state, Long customerId, String customer, Long planId,
                         String plan, Long nodeId, String node, String template, List<String> addresses,
                         Instant createdAt, Map<String, String> resources, JobResponse job) {

    static PartitionResponse of(PartitionSummary partition) {
        return new PartitionResponse(partition.id(), partition.hostname(),
                partition.state().name().toLowerCase(Locale.ROOT), partition.customerId(), partition.customerName(),
                partition.planId(), partition.planName(), partition.nodeId(), partition.nodeName(),
                partition.templateName(), partition.addresses(), partition.createdAt(),
                partition.resources().toText(),
                partition.activeJob() == null ? null : JobResponse.of(partition.activeJob()));
    }
}
