package org.vpspanel.agent.network;

import java.util.List;

/**
 * One partition's link to the node's bridge, as the rules and shapers see it.
 *
 * @param hostLink  the host end of the veth pair, in the bridge
 * @param ifbLink   the ifb device that shapes what the partition sends
 * @param mac       the partition's MAC address, the only source MAC allowed from it
 * @param ipv4      the partition's addresses (no prefix length), the only source addresses allowed from it
 * @param egressBitsPerSecond  what the partition may send, 0 for unlimited
 * @param ingressBitsPerSecond what the partition may receive, 0 for unlimited
 */
public record NetworkAttachment(String hostLink, String ifbLink, String mac, List<String> ipv4,
                                long egressBitsPerSecond, long ingressBitsPerSecond) {
}
