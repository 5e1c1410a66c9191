package org.vpspanel.node;

import java.util.Collection;
import java.util.Map;

/**
 * What partitions hold on nodes. Partitions depend on nodes, not the other way round, so the partition
 * feature implements this for the nodes page.
 */
public interface NodeUsage {

    /** What is held on each of the nodes; a node without partitions is left out. */
    Map<Long, NodeHeld> heldOn(Collection<Long> nodeIds);
}
