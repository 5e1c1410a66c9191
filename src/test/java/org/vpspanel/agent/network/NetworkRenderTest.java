package org.vpspanel.agent.network;

import org.junit.jupiter.api.Test;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkRenderTest {

    private final NetworkAttachment p1 = new NetworkAttachment("vptv1", "vpti1", HostNetwork.mac(1), List.of("10.0.0.2", "10.0.0.9"), 10_000_000, 20_000_000);
    private final NetworkAttachment p2 = new NetworkAttachment("vptv2", "vpti2", HostNetwork.mac(2), List.of("10.0.0.3"), 0, 0);

    @Test
    void nftTableAllowsOnlyEachPartitionsOwnAddressesAndSeparatesPartitions() {
        String rules = NftRuleset.render("vpt", "vptv*", List.of(p1, p2));

        assertThat(rules).startsWith("table bridge vpt {}\ndelete table bridge vpt\ntable bridge vpt {\n");
        assertThat(rules).contains(
                "iifname \"vptv1\" ether saddr != 02:56:00:00:00:01 drop",
                "iifname \"vptv1\" ether type ip ip saddr != { 10.0.0.2, 10.0.0.9 } drop",
                "iifname \"vptv1\" ether type arp arp saddr ip != { 10.0.0.2, 10.0.0.9 } drop",
                "iifname \"vptv1\" ether type != { ip, arp } drop",
                "iifname \"vptv2\" ether type ip ip saddr != { 10.0.0.3 } drop",
                "iifname \"vptv*\" oifname \"vptv*\" drop");
        assertThat(NftRuleset.renderRemoval("vpt")).isEqualTo("table bridge vpt {}\ndelete table bridge vpt\n");
    }

    @Test
    void capsTcpConnectionsInBothDirectionsWithOneCounter() {
        String rules = NftRuleset.renderConnectionCap("vpt", 100);

        assertThat(rules).startsWith("table inet vpt {}\ndelete table inet vpt\ntable inet vpt {\n");
        assertThat(rules.split("add @tcp_connections \\{ meta l4proto ct count over 100 } reject with tcp reset", -1)).hasSize(3);
        assertThat(rules).contains("type filter hook output priority 0;", "type filter hook input priority 0;");
        assertThat(NftRuleset.renderConnectionCap("vpt", 0)).isEqualTo("table inet vpt {}\ndelete table inet vpt\n");
        assertThat(NftRuleset.renderConnectionCap("vpt", 100, false)).as("in a namespace just made")
                .isEqualTo(rules.substring(rules.indexOf("table inet vpt {\n")));
    }

    @Test
    void shapesBothDirectionsOnTheHostSide() {
        assertThat(TrafficShaping.render(p1, Set.of())).containsExactly(
                List.of("tc", "qdisc", "replace", "dev", "vptv1", "root", "handle", "1:", "htb", "default", "1"),
                List.of("tc", "class", "replace", "dev", "vptv1", "parent", "1:", "classid", "1:1", "htb", "rate", "20000000bit", "ceil", "20000000bit"),
                List.of("tc", "qdisc", "replace", "dev", "vptv1", "handle", "ffff:", "ingress"),
                List.of("tc", "filter", "replace", "dev", "vptv1", "parent", "ffff:", "pref", "1", "protocol", "all", "handle", "800::800",
                        "u32", "match", "u32", "0", "0", "action", "mirred", "egress", "redirect", "dev", "vpti1"),
                List.of("tc", "qdisc", "replace", "dev", "vpti1", "root", "handle", "1:", "htb", "default", "1"),
                List.of("tc", "class", "replace", "dev", "vpti1", "parent", "1:", "classid", "1:1", "htb", "rate", "10000000bit", "ceil", "10000000bit"));
        assertThat(TrafficShaping.render(p2, Set.of())).contains(List.of("tc", "qdisc", "replace", "dev", "vptv2", "root", "pfifo_fast"),
                List.of("tc", "qdisc", "replace", "dev", "vpti2", "root", "pfifo_fast"));
    }

    @Test
    void aNewRateOnLinksShapedAlreadyChangesOnlyTheClassesThatTheKernelChangesInPlace() {
        assertThat(TrafficShaping.render(p1, Set.of("vptv1", "vpti1")))
                .noneMatch(command -> command.contains("htb") && command.contains("qdisc"))
                .contains(List.of("tc", "class", "replace", "dev", "vptv1", "parent", "1:", "classid", "1:1", "htb", "rate", "20000000bit", "ceil", "20000000bit"),
                        List.of("tc", "class", "replace", "dev", "vpti1", "parent", "1:", "classid", "1:1", "htb", "rate", "10000000bit", "ceil", "10000000bit"));
    }

    @Test
    void socketBufferCeilingsFollowThePlan() {
        assertThat(NamespaceSysctls.render(Resources.defaults().with(ResourceField.SOCKET_BUFFERS, 256 * 1024)))
                .containsOnlyKeys("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem")
                .containsEntry("net.ipv4.tcp_rmem", "4096 131072 262144")
                .containsEntry("net.ipv4.tcp_wmem", "4096 16384 262144");
    }

    @Test
    void macAddressesAreLocallyAdministeredAndDistinct() {
        assertThat(HostNetwork.mac(1)).isEqualTo("02:56:00:00:00:01");
        assertThat(HostNetwork.mac(258)).isEqualTo("02:56:00:00:01:02");
    }
}
