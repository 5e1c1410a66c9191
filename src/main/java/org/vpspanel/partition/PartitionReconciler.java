package org.vpspanel.partition;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpspanel.audit.AuditService;
import org.vpspanel.node.AgentRefusedException;
import org.vpspanel.node.AgentUnavailableException;
import org.vpspanel.node.NodeAgents;
import org.vpspanel.node.NodeService;

/**
 * Makes the panel follow the hosts: every 10 s each online node's agent says which partitions run, and a
 * partition started or stopped behind the panel's back (or gone from its node) shows so. Partitions with a
 * job under way are left to the job.
 */
@Configuration(proxyBeanMethods = false)
class PartitionReconciler {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final NodeService nodes;
    private final NodeAgents agents;
    private final PartitionRepository partitions;
    private final PartitionJobRepository jobs;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartitionReconciler(NodeService nodes, NodeAgents agents, PartitionRepository partitions,
                        PartitionJobRepository jobs, AuditService audit, TransactionTemplate transactions,
                        ApplicationEventPublisher events, Clock clock) {
        this.nodes = nodes;
        this.agents = agents;
        this.partitions = partitions;
        this.jobs = jobs;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> partitionReconcileTask() {
        return Tasks.recurring("partition-reconcile", FixedDelay.of(INTERVAL))
                .execute((instance, context) -> reconcileAll());
    }

    void reconcileAll() {
        for (long nodeId : nodes.onlineNodeIds()) {
            try {
                reconcile(nodeId, hostStates(nodeId));
            } catch (AgentUnavailableException | AgentRefusedException e) {
                // the node's heartbeat reports it; the next round tries again
            }
        }
    }

    /** Agent partition id to "running" or "stopped", as the node's agent reports them. */
    private Map<String, String> hostStates(long nodeId) {
        List<Map<String, Object>> listed = agents.callForList(nodeId, "GET", "/v1/partitions", null,
                Duration.ofSeconds(10));
        Map<String, String> states = new HashMap<>();
        listed.forEach(p -> states.put(String.valueOf(p.get("id")), String.valueOf(p.get("state"))));
        return states;
    }

    private void reconcile(long nodeId, Map<String, String> hostStates) {
        List<Long> changed = transactions.execute(status -> partitions.findByNodeIdAndStateIn(nodeId,
                List.of(PartitionState.RUNNING, PartitionState.STOPPED)).stream()
                .filter(partition -> !jobs.hasUnfinished(partition.getId()))
                .filter(partition -> follow(partition, hostStates.get(AgentSpecs.agentId(partition.getId()))))
                .map(Partition::getId).toList());
        changed.forEach(id -> events.publishEvent(new PartitionChanged(id)));
    }

    /** Takes the host's state where it differs; true when it did. */
    private boolean follow(Partition partition, String hostState) {
        PartitionState observed = hostState == null ? PartitionState.FAILED
                : "running".equals(hostState) ? PartitionState.RUNNING : PartitionState.STOPPED;
        if (observed == partition.getState()) {
            return false;
        }
        audit.record("partition.observed", "partition", partition.getId(), partition.getHostname() + " is "
                + (hostState == null ? "missing on its node" : hostState + " on its node") + ", not "
                + partition.getState().label().toLowerCase());
        partition.observe(observed, clock.instant());
        return true;
    }
}
