package org.vpspanel.agent.spec;

import org.vpspanel.resources.Resources;

import java.util.List;

/**
 * The desired state of one partition: what the panel PUTs and the agent makes the host match.
 *
 * @param ipv4    addresses with prefix length ("10.0.0.2/24"), the first one primary (what the partition sends
 *                from by default); empty for a partition with loopback only
 * @param gateway default route via this address in the primary address's network, or null
 */
public record PartitionSpec(String id, String hostname, Template template, List<String> ipv4, String gateway,
                            boolean autostart, Resources resources) {

    public PartitionSpec {
        ipv4 = ipv4 == null ? List.of() : List.copyOf(ipv4);
        SpecValidation.requireValid(id, hostname, template, ipv4, gateway, resources);
    }

    /** Refuses ids that could not name a partition, before they reach a path or a host object's name. */
    public static String requireValidId(String id) {
        SpecValidation.requireValidId(id);
        return id;
    }

    public PartitionSpec withTemplate(Template newTemplate) {
        return new PartitionSpec(id, hostname, newTemplate, ipv4, gateway, autostart, resources);
    }

    public boolean networked() {
        return !ipv4.isEmpty();
    }

    public List<Ipv4Cidr> addresses() {
        return ipv4.stream().map(Ipv4Cidr::parse).toList();
    }
}
