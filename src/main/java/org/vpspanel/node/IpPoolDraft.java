package org.vpspanel.node;

/** An IPv4 pool as an admin describes it: addresses from rangeStart to rangeEnd in cidr, on one node. */
public record IpPoolDraft(String name, Long nodeId, String cidr, String gateway, String rangeStart, String rangeEnd) {
}
