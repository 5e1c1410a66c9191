package org.vpspanel.agent.spec;

import org.vpspanel.resources.Resources;

import java.util.Optional;

/**
 * The desired state of one partition: what the panel PUTs and the agent makes the host match.
 *
 * @param ipv4    address with prefix length ("10.0.0.2/24"), or null for a partition with loopback only
 * @param gateway default route via this address, or null
 */
public record PartitionSpec(String id, String hostname, Template template, String ipv4, String gateway,
                            boolean autostart, Resources resources) {

    public PartitionSpec {
        SpecValidation.requireValid(id, hostname, template, ipv4, gateway, resources);
    }

    /** Refuses ids that could not name a partition, before they reach a path or a host object's name. */
    public static String requireValidId(String id) {
        SpecValidation.requireValidId(id);
        return id;
    }

    public Optional<Ipv4Cidr> address() {
        return Optional.ofNullable(ipv4).map(Ipv4Cidr::parse);
    }
}
