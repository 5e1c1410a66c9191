package org.vpspanel.partition;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.Allocation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeCapacity;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeStatus;
import org.vpspanel.node.NodeSummary;

/**
 * Where partitions may grow: within their reseller's allocation, on a node with room under its overcommit
 * ratios and free addresses. Every check locks what it reads (the reseller's allocation, the node's
 * capacity), so two sales at once cannot both take the last room. Refusals name the form's field.
 */
@Component
class Placement {

    private final HeldResources held;
    private final AccountService accounts;
    private final NodeService nodes;
    private final IpPoolService ipPools;

    Placement(HeldResources held, AccountService accounts, NodeService nodes, IpPoolService ipPools) {
        this.held = held;
        this.accounts = accounts;
        this.nodes = nodes;
        this.ipPools = ipPools;
    }

    /** Refuses, on the plan field, what would take a reseller beyond its allocation (no reseller: the host's own). */
    void requireWithinAllocation(Long resellerId, String resellerName, Allocation more) {
        if (resellerId == null) {
            return;
        }
        Allocation allowed = accounts.lockAllocation(resellerId);
        List<String> exceeded = allowed.exceededBy(held.usedBy(resellerId).plus(more));
        if (!exceeded.isEmpty()) {
            throw new InvalidInputException("plan", "This would exceed reseller " + resellerName + "'s allocation: "
                    + String.join(", ", exceeded));
        }
    }

    /** The node for a new partition: the one the admin chose (with room, not in maintenance), or the best one. */
    NodeCapacity nodeFor(Long chosenNodeId, Allocation wanted) {
        if (chosenNodeId == null) {
            return bestNodeFor(wanted);
        }
        NodeCapacity capacity = withRoomFor(chosenNodeId, wanted);
        if (capacity.maintenance()) {
            throw new InvalidInputException("node", "Node " + capacity.nodeName()
                    + " is in maintenance and takes no new partitions");
        }
        return capacity;
    }

    /** The node, if it has room for {@code more} vCPUs, memory and disk (a plan change asks for the difference). */
    NodeCapacity withRoomFor(long nodeId, Allocation more) {
        NodeCapacity capacity = nodes.lockCapacity(nodeId);
        List<String> shortfall = shortfall(capacity, more);
        if (!shortfall.isEmpty()) {
            throw new InvalidInputException("node", "Node " + capacity.nodeName() + " has no room: "
                    + String.join(", ", shortfall));
        }
        return capacity;
    }

    /**
     * The node with room for the partition and enough free addresses: online nodes before nodes without an
     * agent, then the most free memory; offline nodes and nodes in maintenance take none.
     */
    private NodeCapacity bestNodeFor(Allocation wanted) {
        List<NodeSummary> candidates = nodes.all().stream()
                .filter(node -> !node.maintenance())
                .filter(node -> node.status() == NodeStatus.ONLINE || node.status() == NodeStatus.NOT_ENROLLED)
                .toList();
        return candidates.stream()
                .map(node -> nodes.lockCapacity(node.id()))
                .filter(capacity -> shortfall(capacity, wanted).isEmpty())
                .filter(capacity -> ipPools.freeAddresses(capacity.nodeId()) >= wanted.ipv4Addresses())
                .min(Comparator.comparing((NodeCapacity capacity) -> online(candidates, capacity.nodeId()) ? 0 : 1)
                        .thenComparing(capacity -> held.onNode(capacity.nodeId()).memory() - capacity.memory()))
                .orElseThrow(() -> new InvalidInputException("node",
                        "No node has room for this plan (vCPUs, memory, disk and free IPv4 addresses)"));
    }

    private static boolean online(List<NodeSummary> nodes, long nodeId) {
        return nodes.stream().anyMatch(node -> node.id() == nodeId && node.status() == NodeStatus.ONLINE);
    }

    private List<String> shortfall(NodeCapacity capacity, Allocation wanted) {
        Allocation used = held.onNode(capacity.nodeId()).plus(wanted);
        Allocation room = new Allocation(Integer.MAX_VALUE, (int) Math.min(Integer.MAX_VALUE, capacity.cpus()),
                capacity.memory(), capacity.disk(), Integer.MAX_VALUE);
        return room.exceededBy(used);
    }
}
