package org.vpspanel.node;

/** A pool as listed, with how many of its addresses are handed out and how many are left. */
public record IpPoolSummary(Long id, String name, Long nodeId, String nodeName, String cidr, String gateway,
                            String rangeStart, String rangeEnd, long used, long free) {
}
