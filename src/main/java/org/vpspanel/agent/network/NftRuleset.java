package org.vpspanel.agent.network;

import java.util.Collection;

/**
 * Renders the agent's nftables table: one bridge-family table named after the prefix, replaced as a
 * whole in one transaction so that it always matches the partitions on the node. Rules sit in the bridge
 * family's prerouting, which sees a partition's frames before tc redirects them to an ifb device.
 */
public final class NftRuleset {

    private NftRuleset() {
    }

    /** nft -f input that replaces (or creates) the table with the rules for these partitions. */
    public static String render(String table, String partitionLinkPattern, Collection<NetworkAttachment> attachments) {
        StringBuilder nft = new StringBuilder();
        // declaring the table first makes the delete succeed when it does not exist yet
        nft.append("table bridge ").append(table).append(" {}\n");
        nft.append("delete table bridge ").append(table).append("\n");
        nft.append("table bridge ").append(table).append(" {\n");
        nft.append("  chain prerouting {\n");
        nft.append("    type filter hook prerouting priority -200; policy accept;\n");
        for (NetworkAttachment a : attachments) {
            String from = "    iifname \"" + a.hostLink() + "\" ";
            nft.append(from).append("ether saddr != ").append(a.mac()).append(" drop\n");
            String addresses = "{ " + String.join(", ", a.ipv4()) + " }";
            nft.append(from).append("ether type ip ip saddr != ").append(addresses).append(" drop\n");
            nft.append(from).append("ether type arp arp saddr ether != ").append(a.mac()).append(" drop\n");
            nft.append(from).append("ether type arp arp saddr ip != ").append(addresses).append(" drop\n");
            nft.append(from).append("ether type != { ip, arp } drop\n");
        }
        nft.append("  }\n");
        nft.append("  chain forward {\n");
        nft.append("    type filter hook forward priority 0; policy accept;\n");
        nft.append("    iifname \"").append(partitionLinkPattern).append("\" oifname \"").append(partitionLinkPattern)
                .append("\" drop\n");
        nft.append("  }\n");
        nft.append("}\n");
        return nft.toString();
    }

    /**
     * nft -f input for the partition's own network namespace: at most {@code limit} TCP connections at a
     * time, opened by it or to it (both directions count in one set element, so they share the cap).
     * Root inside has no CAP_NET_ADMIN, so it cannot change this table. A limit of 0 removes the cap.
     */
    public static String renderConnectionCap(String table, long limit) {
        return renderConnectionCap(table, limit, true);
    }

    /**
     * As {@link #renderConnectionCap(String, long)}; without {@code replacing}, for a namespace just made, which
     * has no table yet: the table is only added, which takes nft half the time (no delete to commit first).
     */
    public static String renderConnectionCap(String table, long limit, boolean replacing) {
        StringBuilder nft = new StringBuilder();
        if (replacing) {
            nft.append("table inet ").append(table).append(" {}\n");
            nft.append("delete table inet ").append(table).append("\n");
        }
        if (limit == 0) {
            return nft.toString();
        }
        nft.append("table inet ").append(table).append(" {\n");
        nft.append("  set tcp_connections { type inet_proto; size 16; flags dynamic; }\n");
        for (String hook : new String[] {"output", "input"}) {
            nft.append("  chain ").append(hook).append(" {\n");
            nft.append("    type filter hook ").append(hook).append(" priority 0; policy accept;\n");
            nft.append("    ct state new meta l4proto tcp add @tcp_connections { meta l4proto ct count over ").append(limit)
                    .append(" } reject with tcp reset\n");
            nft.append("  }\n");
        }
        nft.append("}\n");
        return nft.toString();
    }

    /** nft -f input that removes the table, whether or not it exists. */
    public static String renderRemoval(String table) {
        return "table bridge " + table + " {}\ndelete table bridge " + table + "\n";
    }
}
