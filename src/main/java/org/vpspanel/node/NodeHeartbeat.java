package org.vpspanel.node;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private final NodeRepository nodes;
    private final NodeAgents agents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NodeHeartbeat(NodeRepository nodes, NodeAgents agents, TransactionTemplate transactions, Clock clock) {
        this.nodes = nodes;
        this.agents = agents;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> nodeHeartbeatTask() {
        return Tasks.recurring("node-heartbeat", FixedDelay.of(INTERVAL)).execute((instance, context) -> checkAll());
    }

    /**
     * Asks all enrolled agents at once: one after another, a few agents that hang for their timeout each would
     * hold back the answers of the rest past {@link NodeStatus#OFFLINE_AFTER}, and live nodes would show offline.
     */
    void checkAll() {
        try (ExecutorService asking = Executors.newVirtualThreadPerTaskExecutor()) {
            nodes.findAll().stream().filter(node -> node.getAgentUrl() != null).map(Node::getId)
                    .forEach(nodeId -> asking.execute(() -> check(nodeId)));
        }
    }

    /** Asks one node's agent how it is and records the answer, or the silence. */
    void check(long nodeId) {
        String info = null;
        String error = null;
        try {
            info = agents.call(nodeId, "GET", "/v1/agent", null, TIMEOUT);
        } catch (AgentUnavailableException | AgentRefusedException e) {
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
