package org.vpspanel.partition;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpspanel.node.AgentRefusedException;
import org.vpspanel.node.AgentUnavailableException;
import org.vpspanel.node.NodeAgents;
import org.vpspanel.node.NodeService;

/**
 * Every 10 s, on one panel instance, asks each online node's agent for the counters of its running
 * partitions and keeps them as usage samples for 31 days; each sample also counts towards the partition's
 * monthly traffic quota.
 */
@Configuration(proxyBeanMethods = false)
class UsageSampler {

    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration KEPT = Duration.ofDays(31);

    private final NodeService nodes;
    private final NodeAgents agents;
    private final PartitionRepository partitions;
    private final UsageSamples samples;
    private final TrafficQuota trafficQuota;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UsageSampler(NodeService nodes, NodeAgents agents, PartitionRepository partitions, UsageSamples samples,
                 TrafficQuota trafficQuota, ApplicationEventPublisher events, Clock clock) {
        this.nodes = nodes;
        this.agents = agents;
        this.partitions = partitions;
        this.samples = samples;
        this.trafficQuota = trafficQuota;
        this.events = events;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> usageSamplerTask() {
        return Tasks.recurring("usage-sampler", FixedDelay.of(INTERVAL)).execute((instance, context) -> sampleAll());
    }

    @Bean
    RecurringTask<Void> usageRetentionTask() {
        return Tasks.recurring("usage-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> samples.deleteOlderThan(clock.instant().minus(KEPT)));
    }

    void sampleAll() {
        for (long nodeId : nodes.onlineNodeIds()) {
            for (Partition partition : partitions.findByNodeIdAndStateIn(nodeId, List.of(PartitionState.RUNNING))) {
                sample(nodeId, partition.getId());
            }
        }
    }

    void sample(long nodeId, long partitionId) {
        try {
            Map<String, Object> counters = agents.callForObject(nodeId, "GET", AgentSpecs.path(partitionId) + "/usage",
                    null, Duration.ofSeconds(10));
            Instant now = clock.instant();
            samples.record(partitionId, now, counters);
            trafficQuota.count(partitionId, now, UsageSamples.NetCounters.of(counters));
            events.publishEvent(new PartitionChanged(partitionId));
        } catch (AgentUnavailableException | AgentRefusedException e) {
            // a partition that stopped meanwhile has no counters; the reconciler follows its state
        }
    }
}
