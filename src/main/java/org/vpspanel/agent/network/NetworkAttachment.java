package org.vpspanel.agent.network;

/**
 * One partition's link to the node's bridge, as the rules and shapers see it.
 *
 * @param hostLink  the host end of the veth pair, in the bridge
 * @param ifbLink   the ifb device that shapes what the partition sends
 * @param mac       the partition's MAC address, the only source MAC allowed from it
 * @param ipv4      the partition's address (no prefix length), the only source address allowed from it
 * @param egressBitsPerSecond  what the partition may send, 0 for unlimited
 * @param ingressBitsPerSecond what the partition may receive, 0 for unlimited
 */
public record NetworkAttachment(String hostLink, String ifbLink, String mac, String ipv4,
                                long egressBitsPerSecond, long ingressBitsPerSecond) {
}
