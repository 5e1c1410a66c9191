package org.vpspanel.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpspanel.account.SystemActor;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.resources.Units;

/**
 * When the panel runs beside a local agent (the product's run command), the machine itself is a node:
 * enrolled on first start with its own cores, memory and disk, and an IP pool on its bridge, so that a
 * fresh installation can create a partition at once.
 */
@Component
@ConditionalOnProperty("vpspanel.local-agent.socket")
class LocalNodeEnrollment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalNodeEnrollment.class);
    private static final Pattern MEM_TOTAL = Pattern.compile("MemTotal:\\s+(\\d+) kB");

    private final NodeService nodeService;
    private final IpPoolService pools;
    private final NodeRepository nodes;
    private final TransactionTemplate transactions;
    private final Path socket;
    private final String nodeName;
    private final String poolCidr;
    private final Path dataDir;

    LocalNodeEnrollment(NodeService nodeService, IpPoolService pools, NodeRepository nodes,
                        TransactionTemplate transactions, @Value("${vpspanel.local-agent.socket}") Path socket,
                        @Value("${vpspanel.local-agent.node-name:local}") String nodeName,
                        @Value("${vpspanel.local-agent.pool:10.88.0.0/24}") String poolCidr,
                        @Value("${vpspanel.data-dir}") Path dataDir) {
        this.nodeService = nodeService;
        this.pools = pools;
        this.nodes = nodes;
        this.transactions = transactions;
        this.socket = socket.toAbsolutePath();
        this.nodeName = nodeName;
        this.poolCidr = poolCidr;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        String agentUrl = NodeAgents.UNIX_SCHEME + socket;
        Long enrolled = nodes.findAll().stream().filter(node -> agentUrl.equals(node.getAgentUrl())).map(Node::getId)
                .findFirst().orElseGet(() -> enroll(agentUrl));
        // asked now rather than at the next heartbeat, so that the node takes partitions as soon as the panel is up
        SystemActor.call(() -> nodeService.checkAgent(enrolled));
    }

    private long enroll(String agentUrl) {
        return SystemActor.call(() -> {
            NodeSummary node = transactions.execute(status -> {
                NodeSummary created = nodeService.create(new NodeDraft(nodeName, "localhost",
                        Runtime.getRuntime().availableProcessors(), hostMemory(), diskOf(dataDir), 4, 1, 1));
                nodes.findById(created.id()).orElseThrow().enroll(agentUrl, null);
                return created;
            });
            try {
                transactions.executeWithoutResult(status -> pools.create(defaultPool(node.id())));
            } catch (InvalidInputException e) {
                log.warn("Local node {} enrolled without a default IP pool: {}", nodeName, e.getMessage());
            }
            log.info("Enrolled this machine as node {} with its agent at {}", nodeName, socket);
            return node.id();
        });
    }

    /** The pool's whole network but its first address (the gateway) and its last ten. */
    private IpPoolDraft defaultPool(long nodeId) {
        Ipv4.Network network = Ipv4.Network.parse(poolCidr).orElseThrow(() -> new InvalidInputException("cidr",
                "vpspanel.local-agent.pool '" + poolCidr + "' is not an IPv4 network such as 10.88.0.0/24"));
        long first = network.address().value() + 1;
        long last = network.broadcast().value() - 10;
        return new IpPoolDraft(nodeName, nodeId, network.toString(), new Ipv4(first).toString(),
                new Ipv4(first + 1).toString(), new Ipv4(Math.max(first + 1, last)).toString());
    }

    private static long hostMemory() {
        try {
            Matcher m = MEM_TOTAL.matcher(Files.readString(Path.of("/proc/meminfo")));
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : Units.parseSize("1G");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/meminfo", e);
        }
    }

    private static long diskOf(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.getFileStore(dir).getTotalSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of the disk under " + dir, e);
        }
    }
}
