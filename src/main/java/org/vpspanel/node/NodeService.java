package org.vpspanel.node;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpspanel.agent.EnrollmentToken;

/** The host nodes partitions run on. Admins manage them; placement reads their capacity. */
@Service
@Transactional
public class NodeService {

    private static final double MAX_OVERCOMMIT = 100;

    private final NodeRepository nodes;
    private final NodeHeartbeat heartbeat;
    private final NodeAgents agents;
    private final NodeUsage usage;
    private final IpPoolService ipPools;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NodeService(NodeRepository nodes, NodeHeartbeat heartbeat, NodeAgents agents, NodeUsage usage,
                IpPoolService ipPools, AuditService audit, TransactionTemplate transactions, Clock clock) {
        this.nodes = nodes;
        this.heartbeat = heartbeat;
        this.agents = agents;
        this.usage = usage;
        this.ipPools = ipPools;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records a node without an agent; it runs nothing until one is enrolled. */
    @PreAuthorize("hasRole('ADMIN')")
    public NodeSummary create(NodeDraft draft) {
        check(draft, null).throwIfInvalid();
        Node node = nodes.save(new Node(draft, clock.instant()));
        audit.record("node.create", "node", node.getId(), describe(draft));
        return node.toSummary(clock.instant());
    }

    /**
     * Adds a node whose agent listens on TCP, enrolling this panel with it by a token from {@code vpsctl enroll}
     * on that node: the agent's certificate is pinned to the token's fingerprint, and the agent trusts the
     * panel's certificate from then on. An address left blank is taken from the token. Nothing is saved when
     * the token is bad, the agent cannot be reached, another certificate answers, or the agent refuses.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public NodeSummary addRemote(NodeDraft draft, String token) {
        EnrollmentToken enrollment = null;
        String tokenProblem = null;
        try {
            enrollment = EnrollmentToken.decode(token);
        } catch (IllegalArgumentException e) {
            tokenProblem = e.getMessage();
        }
        NodeDraft complete = enrollment != null && (draft.address() == null || draft.address().isBlank())
                ? draft.withAddress(enrollment.address()) : draft;
        Validation validation = transactions.execute(status -> check(complete, null));
        validation.check(tokenProblem == null, "token", tokenProblem);
        validation.throwIfInvalid();
        AgentAddress address = AgentAddress.parse(complete.address()).orElseThrow();
        enrollWith(address, enrollment);
        String fingerprint = enrollment.agentFingerprint();
        long nodeId = transactions.execute(status -> {
            check(complete, null).throwIfInvalid();
            Node node = nodes.save(new Node(complete, clock.instant()));
            audit.record("node.create", "node", node.getId(), describe(complete));
            enrolled(node, address, fingerprint);
            return node.getId();
        });
        return checkAgent(nodeId);
    }

    /**
     * Saves an existing node's edit and enrolls this panel with the agent at its (edited) address by a new
     * token: a node recorded without its agent, one whose agent was set up again (a new certificate), or one
     * whose agent stopped trusting the panel. The node then uses that agent, pinned to the token's
     * certificate. A refused draft or enrollment changes nothing, the edit included.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public NodeSummary enrollAgent(long nodeId, NodeDraft draft, String token) {
        nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("Node", nodeId));
        check(draft, nodeId).throwIfInvalid();
        EnrollmentToken enrollment;
        try {
            enrollment = EnrollmentToken.decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("token", e.getMessage());
        }
        AgentAddress address = AgentAddress.parse(draft.address()).orElseThrow(() -> new InvalidInputException("address",
                "Address must be a hostname or an IPv4 address, optionally with :port"));
        enrollWith(address, enrollment);
        transactions.executeWithoutResult(status -> {
            Node node = nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("Node", nodeId));
            node.apply(draft);
            audit.record("node.update", "node", nodeId, describe(draft));
            enrolled(node, address, enrollment.agentFingerprint());
        });
        return checkAgent(nodeId);
    }

    /** Asks the agent to trust this panel; its refusal, or why it could not be asked, on the form's field. */
    private void enrollWith(AgentAddress address, EnrollmentToken token) {
        try {
            agents.enroll(address, token);
        } catch (AgentUnavailableException e) {
            throw new InvalidInputException("address", "Cannot enroll with the agent at " + address + ": "
                    + e.getMessage().replaceFirst("^cannot reach the agent at \\S+: ", ""));
        } catch (AgentRefusedException e) {
            throw new InvalidInputException("token", "The agent refused: " + e.getMessage());
        }
    }

    private void enrolled(Node node, AgentAddress address, String fingerprint) {
        node.enroll(address.url(), fingerprint);
        audit.record("node.agent", "node", node.getId(), node.getName() + " uses the agent at " + address
                + " with the certificate " + fingerprint);
    }

    /** The fingerprint of the client certificate this panel presents to remote agents, for admins to compare. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public String panelFingerprint() {
        return agents.panelFingerprint();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public NodeSummary update(long nodeId, NodeDraft draft) {
        Node node = nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("Node", nodeId));
        check(draft, nodeId).throwIfInvalid();
        node.apply(draft);
        audit.record("node.update", "node", nodeId, describe(draft));
        return node.toSummary(clock.instant());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void delete(long nodeId) {
        Node node = nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("Node", nodeId));
        try {
            nodes.delete(node);
            nodes.flush();
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("node", "Node '" + node.getName() + "' still has IP pools or partitions");
        }
        audit.record("node.delete", "node", nodeId, node.getName());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<NodeSummary> find(String text, Pageable pageable) {
        return nodes.findAll(named(text), pageable).map(node -> node.toSummary(clock.instant()));
    }

    /** A page of nodes with what their partitions hold and their addresses in use and left. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<NodeOverview> overview(String text, Pageable pageable) {
        Page<NodeSummary> page = find(text, pageable);
        List<Long> ids = page.map(NodeSummary::id).getContent();
        Map<Long, NodeHeld> held = usage.heldOn(ids);
        Map<Long, List<IpPoolSummary>> pools = ipPools.poolsOf(ids).stream()
                .collect(Collectors.groupingBy(IpPoolSummary::nodeId));
        return page.map(node -> {
            List<IpPoolSummary> own = pools.getOrDefault(node.id(), List.of());
            return new NodeOverview(node, held.getOrDefault(node.id(), NodeHeld.NOTHING),
                    own.stream().mapToLong(IpPoolSummary::used).sum(), own.stream().mapToLong(IpPoolSummary::free).sum());
        });
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(String text) {
        return nodes.count(named(text));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    @Transactional(readOnly = true)
    public List<NodeSummary> all() {
        return nodes.findAllByOrderByName().stream().map(node -> node.toSummary(clock.instant())).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public NodeSummary get(long nodeId) {
        return nodes.findById(nodeId).map(node -> node.toSummary(clock.instant())).orElseThrow(() -> new NotFoundException("Node", nodeId));
    }

    /**
     * Locks a node until the end of the caller's transaction and says what may be placed on it, so that
     * concurrent placements on one node are checked one after another.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public NodeCapacity lockCapacity(long nodeId) {
        return nodes.lockById(nodeId).map(node -> node.toSummary(clock.instant()).capacity())
                .orElseThrow(() -> new InvalidInputException("node", "No node with id " + nodeId));
    }

    /**
     * Connects a node to a host agent on the panel's own machine, by the agent's Unix socket. (Remote agents
     * are enrolled over TLS with pinned certificates.)
     */
    @PreAuthorize("hasRole('ADMIN')")
    public NodeSummary connectLocalAgent(long nodeId, String socketPath) {
        Node node = nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("Node", nodeId));
        if (socketPath == null || !socketPath.startsWith("/") || socketPath.contains("\0")) {
            throw new InvalidInputException("agentSocket", "Give the agent's socket as an absolute path");
        }
        node.enroll(NodeAgents.UNIX_SCHEME + socketPath, null);
        audit.record("node.agent", "node", nodeId, node.getName() + " uses the agent at " + socketPath);
        return node.toSummary(clock.instant());
    }

    /** Asks the node's agent now, instead of at the next heartbeat. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public NodeSummary checkAgent(long nodeId) {
        heartbeat.check(nodeId);
        return nodes.findById(nodeId).map(node -> node.toSummary(clock.instant()))
                .orElseThrow(() -> new NotFoundException("Node", nodeId));
    }

    /** Takes a node out of placement for maintenance, or puts it back. */
    @PreAuthorize("hasRole('ADMIN')")
    public NodeSummary setMaintenance(long nodeId, boolean maintenance) {
        Node node = nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("Node", nodeId));
        node.setMaintenance(maintenance);
        audit.record(maintenance ? "node.maintenance" : "node.online", "node", nodeId, node.getName());
        return node.toSummary(clock.instant());
    }

    /**
     * The ids of the nodes whose agent answers now. For the panel's own background tasks, which act for no
     * user; nothing but ids leaves.
     */
    @Transactional(readOnly = true)
    public List<Long> onlineNodeIds() {
        return nodes.findAllByOrderByName().stream().map(node -> node.toSummary(clock.instant()))
                .filter(NodeSummary::agentConnected).map(NodeSummary::id).toList();
    }

    /** Status of the nodes by id, for showing whether partitions there can be acted on. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, NodeStatus> statusOf(Collection<Long> nodeIds) {
        return nodes.findAllById(nodeIds).stream()
                .collect(Collectors.toMap(Node::getId, node -> node.toSummary(clock.instant()).status()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> nodeIds) {
        return nodes.findAllById(nodeIds).stream().collect(Collectors.toMap(Node::getId, Node::getName));
    }

    /** What is wrong with the draft, if anything. */
    private Validation check(NodeDraft draft, Long nodeId) {
        Validation validation = new Validation();
        validation.check(draft.name() != null && draft.name().matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"), "name",
                "Node name must be 1-63 lower-case letters, digits or inner hyphens");
        validation.check(AgentAddress.parse(draft.address()).isPresent(), "address",
                "Address must be a hostname or an IPv4 address, optionally with :port");
        validation.check(draft.cores() >= 1 && draft.cores() <= 4096, "cores", "Cores must be between 1 and 4096");
        validation.check(draft.memory() >= 256L << 20, "memory", "Memory must be at least 256M");
        validation.check(draft.disk() >= 1L << 30, "disk", "Disk must be at least 1G");
        checkRatio(draft.cpuOvercommit(), "cpuOvercommit", "CPU", validation);
        checkRatio(draft.memoryOvercommit(), "memoryOvercommit", "Memory", validation);
        checkRatio(draft.diskOvercommit(), "diskOvercommit", "Disk", validation);
        validation.check(validation.hasErrorFor("name") || !nodes.nameTaken(draft.name(), nodeId), "name",
                "A node named '" + draft.name() + "' exists already");
        return validation;
    }

    private static void checkRatio(double ratio, String field, String what, Validation validation) {
        validation.check(ratio >= 1 && ratio <= MAX_OVERCOMMIT, field,
                what + " overcommit must be between 1.0 (none) and " + (int) MAX_OVERCOMMIT);
    }

    private static String describe(NodeDraft draft) {
        return draft.name() + " at " + draft.address() + ", " + draft.cores() + " cores";
    }

    private static Specification<Node> named(String text) {
        return (root, query, cb) -> text == null || text.isBlank() ? cb.conjunction()
                : cb.or(cb.like(cb.lower(root.get("name")), "%" + text.trim().toLowerCase(Locale.ROOT) + "%"),
                cb.like(cb.lower(root.get("address")), "%" + text.trim().toLowerCase(Locale.ROOT) + "%"));
    }
}
