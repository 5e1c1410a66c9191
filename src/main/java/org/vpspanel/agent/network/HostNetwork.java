package org.vpspanel.agent.network;

import org.vpspanel.agent.host.CommandException;
import org.vpspanel.agent.host.Commands;
import org.vpspanel.agent.host.Parallel;
import org.vpspanel.agent.spec.Ipv4Cidr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Set;
import java.util.Map;

/**
 * The node's network objects: one bridge, and per partition a network namespace, a veth pair whose
 * host end is in the bridge, an ifb device for shaping what it sends, and its rules in the agent's nft
 * table. Every name carries the agent's prefix; nothing else on the host is touched.
 */
public final class HostNetwork {

    private final String prefix;
    private final Path workDir;

    public HostNetwork(String prefix, Path workDir) {
        this.prefix = prefix;
        this.workDir = workDir;
    }

    public String bridge() {
        return prefix + "br0";
    }

    public String hostLink(int ordinal) {
        return prefix + "v" + ordinal;
    }

    public String ifbLink(int ordinal) {
        return prefix + "i" + ordinal;
    }

    /** Names of the partitions' host links, as an nft wildcard. */
    private String hostLinkPattern() {
        return prefix + "v*";
    }

    /** A locally administered MAC address derived from the partition's ordinal. */
    public static String mac(int ordinal) {
        return String.format("02:56:%02x:%02x:%02x:%02x", ordinal >>> 24 & 255, ordinal >>> 16 & 255, ordinal >>> 8 & 255, ordinal & 255);
    }

    private static Path namespacePath(String namespace) {
        return Path.of("/var/run/netns", namespace);
    }

    public boolean namespaceExists(String namespace) {
        return Files.exists(namespacePath(namespace));
    }

    /**
     * Names the network namespace of a partition's freshly created init (runc makes it inside the
     * partition's user namespace, so that runc exec can enter it). The name keeps the namespace addressable
     * for ip and nft until the partition stops; {@link #loopbackUp} and the limits inside follow.
     */
    public void nameNamespace(String namespace, long pid) {
        deleteNamespace(namespace);
        Commands.run("ip", "netns", "attach", namespace, Long.toString(pid));
    }

    public void loopbackUp(String namespace) {
        Commands.run("ip", "-n", namespace, "link", "set", "lo", "up");
    }

    public void deleteNamespace(String namespace) {
        if (namespaceExists(namespace)) {
            Commands.run("ip", "netns", "delete", namespace);
        }
    }

    /** Socket-buffer ceilings of the partition's namespace, set from the host so root inside cannot lift them. */
    public void setSysctls(String namespace, Map<String, String> sysctls) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "sysctl", "-w"));
        sysctls.forEach((key, value) -> command.add(key + "=" + value));
        Commands.Result result = Commands.attempt(command, Duration.ofSeconds(10), null);
        // sysctl exits 0 even when the kernel refuses a value; it says so on stderr
        if (!result.succeeded() || !result.stderr().isBlank()) {
            throw new CommandException(result);
        }
    }

    /** Caps the partition's concurrent TCP connections in its namespace (0: no cap). */
    public void capTcpConnections(String namespace, long limit) {
        runNft(NftRuleset.renderConnectionCap(prefix, limit), "ip", "netns", "exec", namespace);
    }

    /** The cap in a namespace runc has just made (nothing of ours in it yet): added, nothing replaced. */
    public void capTcpConnectionsInNewNamespace(String namespace, long limit) {
        if (limit > 0) {
            runNft(NftRuleset.renderConnectionCap(prefix, limit, false), "ip", "netns", "exec", namespace);
        }
    }

    /** Connects the namespace to the bridge with its addresses and default route, brings its loopback up, and shapes it. */
    public void attach(String namespace, NetworkAttachment a, List<Ipv4Cidr> addresses, String gateway) {
        ensureBridge();
        // the host's side in one ip process; then the namespace's side and the shaping, side by side
        List<List<String>> host = new ArrayList<>();
        host.add(List.of("link", "set", bridge(), "up"));
        Set<String> made = new java.util.HashSet<>();
        if (!linkExists(a.hostLink())) {
            host.add(List.of("link", "add", a.hostLink(), "type", "veth", "peer", "name", "eth0", "address", a.mac(), "netns", namespace));
            made.add(a.hostLink());
        }
        host.add(List.of("link", "set", a.hostLink(), "master", bridge(), "up"));
        if (!linkExists(a.ifbLink())) {
            host.add(List.of("link", "add", a.ifbLink(), "type", "ifb"));
            made.add(a.ifbLink());
        }
        host.add(List.of("link", "set", a.ifbLink(), "up"));
        Commands.runBatch(List.of("ip"), host);
        Parallel.run(List.of(
                () -> setAddresses(namespace, addresses, gateway, List.of(List.of("link", "set", "lo", "up"), List.of("link", "set", "eth0", "up"))),
                () -> shape(a, made)));
    }

    /**
     * Makes the IPv4 addresses of the namespace's eth0 exactly these, in this order (the first is primary), with
     * the default route via the gateway. Addresses are only added while the ones there stay in front; otherwise
     * they are all set afresh, because removing a primary address removes its secondaries too.
     */
    public void setAddresses(String namespace, List<Ipv4Cidr> addresses, String gateway) {
        setAddresses(namespace, addresses, gateway, List.of());
    }

    /** {@link #setAddresses} after {@code first}, ip commands in the namespace, all in one ip process. */
    private void setAddresses(String namespace, List<Ipv4Cidr> addresses, String gateway, List<List<String>> first) {
        List<List<String>> batch = new ArrayList<>(first);
        List<String> wanted = addresses.stream().map(Ipv4Cidr::toString).toList();
        List<String> present = Stream.of(Commands.run("ip", "-n", namespace, "-4", "-o", "addr", "show", "dev", "eth0")
                        .split("\n"))
                .map(line -> line.trim().split("\\s+"))
                .filter(words -> words.length > 3 && words[2].equals("inet"))
                .map(words -> words[3]).toList();
        if (present.size() > wanted.size() || !wanted.subList(0, present.size()).equals(present)) {
            batch.add(List.of("addr", "flush", "dev", "eth0"));
            present = List.of();
        }
        for (String address : wanted.subList(present.size(), wanted.size())) {
            batch.add(List.of("addr", "add", address, "dev", "eth0"));
        }
        if (gateway != null) {
            batch.add(List.of("route", "replace", "default", "via", gateway, "dev", "eth0"));
        }
        if (!batch.isEmpty()) {
            Commands.runBatch(List.of("ip", "-4", "-n", namespace), batch); // -4: the flush spares IPv6
        }
    }

    public void shape(NetworkAttachment a) {
        shape(a, Set.of());
    }

    /** Shapes the links; {@code madeNow} were just created, so they have no HTB root yet and need no look. */
    private void shape(NetworkAttachment a, Set<String> madeNow) {
        Set<String> withHtbRoot = Stream.of(a.hostLink(), a.ifbLink())
                .filter(link -> !madeNow.contains(link))
                .filter(link -> Commands.run("tc", "qdisc", "show", "dev", link, "root").contains("qdisc htb 1:"))
                .collect(Collectors.toSet());
        List<List<String>> commands = TrafficShaping.render(a, withHtbRoot);
        Commands.runBatch(List.of("tc"), commands.stream().map(command -> command.subList(1, command.size())).toList());
    }

    /** Removes the partition's veth pair (both ends) and ifb device. */
    public void detach(int ordinal) {
        for (String link : List.of(hostLink(ordinal), ifbLink(ordinal))) {
            if (linkExists(link)) {
                Commands.run("ip", "link", "delete", link);
            }
        }
    }

    /** Replaces the agent's nft table with the rules of these partitions; with none, removes it and the bridge. */
    public void applyRules(Collection<NetworkAttachment> attachments) {
        if (attachments.isEmpty()) {
            runNft(NftRuleset.renderRemoval(prefix));
            if (linkExists(bridge())) {
                Commands.run("ip", "link", "delete", bridge());
            }
            return;
        }
        runNft(NftRuleset.render(prefix, hostLinkPattern(), attachments));
    }

    /** Loads a ruleset with nft -f, optionally behind a prefix command such as ip netns exec. */
    private void runNft(String ruleset, String... within) {
        try {
            Files.createDirectories(workDir);
            Path file = Files.createTempFile(workDir, "nft", ".rules");
            try {
                Files.writeString(file, ruleset);
                List<String> command = new ArrayList<>(List.of(within));
                command.addAll(List.of("nft", "-f", file.toString()));
                Commands.run(command);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the node's bridge if it is missing; {@link #attach} sets it up. */
    private void ensureBridge() {
        if (!linkExists(bridge())) {
            try {
                Commands.run("ip", "link", "add", bridge(), "type", "bridge");
            } catch (CommandException e) {
                if (!linkExists(bridge())) {
                    throw e;
                }
            }
        }
    }

    public static boolean linkExists(String link) {
        return Files.exists(Path.of("/sys/class/net", link));
    }

    /** A counter of the host end of a link, e.g. rx_bytes; 0 when the link does not exist. */
    public static long counter(String link, String counter) {
        Path file = Path.of("/sys/class/net", link, "statistics", counter);
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
