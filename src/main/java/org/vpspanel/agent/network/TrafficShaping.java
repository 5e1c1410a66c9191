package org.vpspanel.agent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders the tc commands that shape one partition's traffic, both directions, on the host side:
 * what it receives leaves the host end of its veth (HTB there); what it sends enters that end and is
 * redirected to its ifb device, where HTB shapes it as it leaves. Every command is idempotent
 * ("replace"), so applying the list again changes nothing and applying a new rate changes it live.
 */
public final class TrafficShaping {

    private TrafficShaping() {
    }

    /**
     * The commands for the attachment's rates. {@code linksWithHtbRoot} are links that already have the HTB
     * root: the kernel refuses to "replace" (change) an HTB root in place, and its class alone carries the rate.
     */
    public static List<List<String>> render(NetworkAttachment a, Set<String> linksWithHtbRoot) {
        List<List<String>> commands = new ArrayList<>();
        commands.addAll(rateLimit(a.hostLink(), a.ingressBitsPerSecond(), linksWithHtbRoot.contains(a.hostLink())));
        commands.add(List.of("tc", "qdisc", "replace", "dev", a.hostLink(), "handle", "ffff:", "ingress"));
        commands.add(List.of("tc", "filter", "replace", "dev", a.hostLink(), "parent", "ffff:", "pref", "1",
                "protocol", "all", "handle", "800::800", "u32", "match", "u32", "0", "0", "action", "mirred", "egress", "redirect", "dev", a.ifbLink()));
        commands.addAll(rateLimit(a.ifbLink(), a.egressBitsPerSecond(), linksWithHtbRoot.contains(a.ifbLink())));
        return commands;
    }

    /** An HTB root with one class at the rate; an unlimited rate gets a plain fifo (no shaping). */
    private static List<List<String>> rateLimit(String link, long bitsPerSecond, boolean htbInPlace) {
        if (bitsPerSecond == 0) {
            return List.of(List.of("tc", "qdisc", "replace", "dev", link, "root", "pfifo_fast"));
        }
        String rate = bitsPerSecond + "bit";
        List<String> rateClass = List.of("tc", "class", "replace", "dev", link, "parent", "1:", "classid", "1:1", "htb",
                "rate", rate, "ceil", rate);
        return htbInPlace ? List.of(rateClass) : List.of(
                List.of("tc", "qdisc", "replace", "dev", link, "root", "handle", "1:", "htb", "default", "1"), rateClass);
    }
}
