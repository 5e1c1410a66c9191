package org.vpspanel.agent.partition;

import java.util.List;
import java.util.Map;

/**
 * A partition as the protocol shows it.
 *
 * @param state          "running" or "stopped"
 * @param pendingRestart spec fields changed since the partition started that take effect at its next start
 */
public record PartitionStatus(String id, String state, Map<String, Object> spec, List<String> pendingRestart) {
}
