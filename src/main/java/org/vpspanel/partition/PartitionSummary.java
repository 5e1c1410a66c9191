package org.vpspanel.partition;

import java.time.Instant;
import java.util.List;
import org.vpspanel.resources.Resources;

/**
 * A partition as listed and shown, with the names of what it refers to, its IPv4 addresses (a.b.c.d/len),
 * whether its node's agent can be reached now, and the job under way on it, if any.
 */
public record PartitionSummary(Long id, String hostname, Long customerId, String customerName, Long planId,
                               String planName, Long nodeId, String nodeName, boolean nodeConnected,
                               Long templateId, String templateName, List<String> addresses, PartitionState state,
                               Instant createdAt, Resources resources, JobSummary activeJob) {
}
