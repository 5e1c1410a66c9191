package org.vpspanel.partition;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpspanel.audit.AuditService;
import org.vpspanel.node.AgentRefusedException;
import org.vpspanel.node.AgentUnavailableException;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeAgents;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.template.TemplateService;
import org.vpspanel.template.TemplateSummary;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job: asks the partition's node agent to do it and records the outcome. Agent requests are
 * declarative or idempotent, so a job that is run again (after a retry, or after the panel instance running
 * it died) does no harm. A job waits while an older one of the same partition is unfinished.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration AGENT_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SPEC_LABELS = Map.of("ipv4", "IPv4 addresses", "gateway", "Gateway",
            "hostname", "Hostname");

    private final PartitionJobRepository jobs;
    private final PartitionRepository partitions;
    private final NodeAgents agents;
    private final AgentSpecs specs;
    private final IpPoolService ipPools;
    private final TemplateService templates;
    private final TrafficQuota trafficQuota;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobRunner(PartitionJobRepository jobs, PartitionRepository partitions, NodeAgents agents, AgentSpecs specs,
              IpPoolService ipPools, TemplateService templates, TrafficQuota trafficQuota, AuditService audit,
              TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.partitions = partitions;
        this.agents = agents;
        this.specs = specs;
        this.ipPools = ipPools;
        this.templates = templates;
        this.trafficQuota = trafficQuota;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** What a job does once the agent has done its part: the partition's new state and a message. */
    private record Outcome(PartitionState state, String message) {
    }

    void run(long jobId) {
        PartitionJob job = transactions.execute(status -> begin(jobId));
        if (job == null) {
            return;
        }
        announce(job);
        try {
            Outcome outcome = perform(job);
            transactions.executeWithoutResult(status -> finish(jobId, JobState.SUCCEEDED, outcome));
        } catch (AgentUnavailableException e) {
            if (job.getAttempts() >= MAX_ATTEMPTS) {
                transactions.executeWithoutResult(status -> finish(jobId, JobState.FAILED, new Outcome(
                        failedState(job), "The node's agent could not be reached after " + job.getAttempts()
                        + " attempts: " + e.getMessage())));
            } else {
                Duration delay = backoff(job.getAttempts());
                transactions.executeWithoutResult(status -> jobs.findById(jobId).orElseThrow()
                        .waitForRetry("Waiting for the node's agent (" + e.getMessage() + "); trying again in "
                                + delay.toSeconds() + " s"));
                announce(job);
                throw new JobRetry(e.getMessage(), delay);
            }
        } catch (RuntimeException e) {
            log.warn("Job {} ({} of partition {}) failed: {}", jobId, job.getKind(), job.getPartitionId(), e.getMessage());
            transactions.executeWithoutResult(status -> finish(jobId, JobState.FAILED,
                    new Outcome(failedState(job), e.getMessage())));
        }
        announce(job);
    }

    /** Marks the job running, or says why not: finished already (null), or an older job comes first. */
    private PartitionJob begin(long jobId) {
        PartitionJob job = jobs.findById(jobId).orElse(null);
        if (job == null || job.getState().finished()) {
            return null;
        }
        List<PartitionJob> unfinished = jobs.unfinished(job.getPartitionId());
        if (!unfinished.getFirst().getId().equals(jobId)) {
            throw new JobRetry("job " + unfinished.getFirst().getId() + " of the partition comes first",
                    Duration.ofSeconds(1));
        }
        job.begin(clock.instant());
        return job;
    }

    private Outcome perform(PartitionJob job) {
        Partition partition = partitions.findById(job.getPartitionId()).orElseThrow();
        long node = partition.getNodeId();
        String path = AgentSpecs.path(partition.getId());
        return switch (job.getKind()) {
            case CREATE -> {
                agents.call(node, "PUT", path, specs.specOf(partition), AGENT_TIMEOUT);
                yield new Outcome(PartitionState.STOPPED, "Created on the node");
            }
            case START -> {
                agents.call(node, "POST", path + "/start", null, AGENT_TIMEOUT);
                yield new Outcome(PartitionState.RUNNING, "Started");
            }
            case STOP -> {
                agents.call(node, "POST", path + "/stop", Map.of("timeoutSeconds", 10), AGENT_TIMEOUT);
                yield new Outcome(PartitionState.STOPPED, "Stopped");
            }
            case RESTART -> {
                agents.call(node, "POST", path + "/restart", Map.of("timeoutSeconds", 10), AGENT_TIMEOUT);
                yield new Outcome(PartitionState.RUNNING, "Restarted");
            }
            case REINSTALL -> reinstall(job, partition, node, path);
            case DESTROY -> {
                var answer = agents.send(node, "DELETE", path, null, AGENT_TIMEOUT);
                if (!answer.ok() && answer.status() != 404) {
                    throw new AgentRefusedException(answer.status(), answer.error());
                }
                yield new Outcome(PartitionState.DESTROYED, "Destroyed; its addresses are free again");
            }
            case SUSPEND -> {
                agents.call(node, "POST", path + "/stop", Map.of("timeoutSeconds", 10), AGENT_TIMEOUT);
                yield new Outcome(PartitionState.SUSPENDED, TrafficQuota.SUSPEND_REASON.equals(params(job).get("reason"))
                        ? "Suspended: its monthly traffic quota of " + size(params(job).get("quotaBytes")) + " is used up"
                        : "Suspended");
            }
            case UNSUSPEND -> unsuspend(job, node, path);
            case CHANGE_PLAN -> changePlan(job, partition, node, path);
            case INSTALL_SSH_KEYS -> {
                List<?> keys = (List<?>) params(job).get("keys");
                agents.call(node, "POST", path + "/ssh-keys", Map.of("keys", keys), AGENT_TIMEOUT);
                yield new Outcome(partition.getState(), keys.size() == 1 ? "1 SSH key installed for root"
                        : keys.size() + " SSH keys installed for root");
            }
            case SET_ROOT_PASSWORD -> {
                agents.call(node, "POST", path + "/password", Map.of("passwordHash", params(job).get("passwordHash")),
                        AGENT_TIMEOUT);
                yield new Outcome(partition.getState(), "Root password set");
            }
            case CHANGE_HOSTNAME -> changeHostname(job, partition, node, path);
            case THROTTLE_TRAFFIC, UNTHROTTLE_TRAFFIC -> {
                // the spec caps the rates exactly while the traffic row says throttled: sending it applies either
                agents.call(node, "PUT", path, specs.specOf(partition), AGENT_TIMEOUT);
                Map<String, Object> params = params(job);
                yield new Outcome(partition.getState(), job.getKind() == JobKind.THROTTLE_TRAFFIC
                        ? "Traffic throttled to " + Units.formatRate(((Number) params.get("rate")).longValue())
                                + ": the monthly traffic quota of " + size(params.get("quotaBytes")) + " is used up"
                        : "Traffic throttle lifted: " + params.get("reason"));
            }
        };
    }

    /** Unsuspends; the traffic quota also asks to start again the partition it suspended while it ran. */
    private Outcome unsuspend(PartitionJob job, long node, String path) {
        Map<String, Object> params = params(job);
        if (Boolean.TRUE.equals(params.get("start"))) {
            agents.call(node, "POST", path + "/start", null, AGENT_TIMEOUT);
            return new Outcome(PartitionState.RUNNING, "Unsuspended and started again: " + params.get("reason"));
        }
        return new Outcome(PartitionState.STOPPED, "Unsuspended; its customer may start it again");
    }

    private static String size(Object bytes) {
        return Units.formatSize(((Number) bytes).longValue());
    }

    private static Map<String, Object> params(PartitionJob job) {
        return JSON.readValue(job.getParams(), new TypeReference<Map<String, Object>>() { });
    }

    /** The template is the partition's once its node has reinstalled from it. */
    private Outcome reinstall(PartitionJob job, Partition partition, long node, String path) {
        // jobs queued before reinstalls chose a template carry none: they keep the one the partition has
        long templateId = params(job).get("templateId") instanceof Number id ? id.longValue() : partition.getTemplateId();
        TemplateSummary template = templates.forJob(templateId);
        agents.call(node, "POST", path + "/reinstall", Map.of("template", template.kind()), AGENT_TIMEOUT);
        transactions.executeWithoutResult(status -> partitions.findById(partition.getId()).orElseThrow()
                .reinstallFrom(templateId, clock.instant()));
        return new Outcome(partition.getState(), "Reinstalled from " + template.name() + "; addresses kept");
    }

    /** The new hostname is the partition's once its node has it in the spec; a running one shows it after a restart. */
    private Outcome changeHostname(PartitionJob job, Partition partition, long node, String path) {
        String hostname = (String) params(job).get("hostname");
        Map<String, Object> spec = specs.specOf(partition);
        spec.put("hostname", hostname);
        Map<String, Object> applied = agents.callForObject(node, "PUT", path, spec, AGENT_TIMEOUT);
        transactions.executeWithoutResult(status -> partitions.findById(partition.getId()).orElseThrow()
                .changeHostname(hostname, clock.instant()));
        boolean waits = applied.get("needsRestart") instanceof List<?> fields && fields.contains("hostname");
        return new Outcome(partition.getState(), "Hostname changed to " + hostname + (waits
                ? ". Waits for a restart: the running partition shows it once restarted." : "."));
    }

    /**
     * The addresses a larger plan gives are taken before the node is asked, and those a smaller one takes back
     * are returned once the node has let them go; a plan change that fails returns what it took (see finish).
     */
    private Outcome changePlan(PartitionJob job, Partition partition, long node, String path) {
        Map<String, Object> params = params(job);
        @SuppressWarnings("unchecked")
        Resources resources = Resources.fromBaseUnits((Map<String, Number>) params.get("resources"));
        int addresses = (int) resources.get(ResourceField.IPV4_ADDRESSES);
        transactions.executeWithoutResult(status -> ipPools.allocateUpTo(node, addresses, partition.getId()));
        Map<String, Object> applied = agents.callForObject(node, "PUT", path, specs.specOf(partition, resources),
                AGENT_TIMEOUT);
        transactions.executeWithoutResult(status -> {
            Partition changed = partitions.findById(partition.getId()).orElseThrow();
            changed.changePlan(((Number) params.get("planId")).longValue(), resources, clock.instant());
            trafficQuota.planChanged(changed);
            ipPools.releaseBeyond(partition.getId(), addresses);
        });
        String live = labels(applied.get("appliedLive"));
        String restart = labels(applied.get("needsRestart"));
        return new Outcome(partition.getState(), "Plan changed. " + (live.isEmpty() ? "" : "Applied live: " + live + ". ")
                + (restart.isEmpty() ? "Nothing waits for a restart." : "Waits for a restart: " + restart + "."));
    }

    /** The agent's field paths ("resources.memory", "ipv4") as people read them ("Memory", "IPv4 addresses"). */
    private static String labels(Object fields) {
        return fields instanceof List<?> list ? list.stream().map(Object::toString)
                .map(path -> ResourceField.byFieldName(path.replaceFirst("^resources\\.", ""))
                        .map(ResourceField::label).orElse(SPEC_LABELS.getOrDefault(path, path)))
                .collect(java.util.stream.Collectors.joining(", ")) : "";
    }

    /** After a failure, a new partition is failed; any other keeps the state it has. */
    private PartitionState failedState(PartitionJob job) {
        return job.getKind() == JobKind.CREATE ? PartitionState.FAILED : null;
    }

    private void finish(long jobId, JobState result, Outcome outcome) {
        PartitionJob job = jobs.findById(jobId).orElseThrow();
        job.finish(result, outcome.message(), clock.instant());
        Partition partition = partitions.findById(job.getPartitionId()).orElseThrow();
        if (outcome.state() != null && outcome.state() != partition.getState()) {
            partition.observe(outcome.state(), clock.instant());
        }
        if (outcome.state() == PartitionState.DESTROYED) {
            ipPools.release(partition.getId());
        }
        if (result == JobState.FAILED && job.getKind() == JobKind.CHANGE_PLAN) {
            ipPools.releaseBeyond(partition.getId(), (int) partition.resources().get(ResourceField.IPV4_ADDRESSES));
        }
        audit.record(result == JobState.SUCCEEDED ? "job.succeeded" : "job.failed", "partition", partition.getId(),
                job.getKind() + " requested by " + job.getRequestedBy() + ": " + outcome.message());
    }

    private static Duration backoff(int attempts) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 5));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void announce(PartitionJob job) {
        events.publishEvent(new PartitionChanged(job.getPartitionId()));
    }
}
