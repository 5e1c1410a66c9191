package org.vpspanel.node;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks every enrolled node's agent how it is, every 10 s, on one panel instance at a time (db-scheduler
 * runs a recurring task on one instance only). A node whose agent stays silent turns offline.
 */
@Configuration(proxyBeanMethods = false)
class NodeHeartbeat {

    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Bean
    RecurringTask<Void> nodeHeartbeatTask(NodeRepository nodes, NodeAgents agents, TransactionTemplate transactions,
                                          Clock clock) {
        return Tasks.recurring("node-heartbeat", FixedDelay.of(INTERVAL))
                .execute((instance, context) -> beatAll(nodes, agents, transactions, clock));
    }

    static void beatAll(NodeRepository nodes, NodeAgents agents, TransactionTemplate transactions, Clock clock) {
        List<Long> enrolled = nodes.findAll().stream().filter(node -> node.getAgentUrl() != null)
                .map(Node::getId).toList();
        for (long nodeId : enrolled) {
            String info;
            String error = null;
            try {
                info = agents.call(nodeId, "GET", "/v1/agent", null, TIMEOUT);
            } catch (AgentUnavailableException | AgentRefusedException e) {
                info = null;
                error = e.getMessage();
            }
            String answer = info;
            String failure = error;
            transactions.executeWithoutResult(status -> nodes.findById(nodeId).ifPresent(node -> {
                if (answer != null) {
                    node.heard(clock.instant(), answer);
                } else {
                    node.missed(failure);
                }
            }));
        }
    }
}
