package org.vpspanel.partition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.template.TemplateService;

/** What the panel asks a node's agent for: the partition's id there and its desired spec. */
@Component
class AgentSpecs {

    private final IpPoolService ipPools;
    private final TemplateService templates;
    private final PartitionTraffic traffic;

    AgentSpecs(IpPoolService ipPools, TemplateService templates, PartitionTraffic traffic) {
        this.ipPools = ipPools;
        this.templates = templates;
        this.traffic = traffic;
    }

    /** The partition's name on its node: "p" and its id, as the agent's ids allow. */
    static String agentId(long partitionId) {
        return "p" + partitionId;
    }

    static String path(long partitionId) {
        return "/v1/partitions/" + agentId(partitionId);
    }

    /** The partition's spec as it is. */
    Map<String, Object> specOf(Partition partition) {
        return specOf(partition, partition.resources());
    }

    /**
     * The partition's spec with these resources (a plan change sends the new plan's), and as many of its
     * addresses as they give it (the first ones it got): during a plan change it may hold more for a moment.
     * While the traffic quota throttles the partition, its network rates are capped at the throttle rate
     * whatever the resources say, so that every spec sent keeps the throttle.
     */
    Map<String, Object> specOf(Partition partition, Resources resources) {
        Long throttle = traffic.find(partition.getId()).map(PartitionTraffic.Row::throttleRate).orElse(null);
        return spec(partition.getHostname(), templates.forJob(partition.getTemplateId()).kind(),
                ipPools.attachmentOf(partition.getId(), (int) resources.get(ResourceField.IPV4_ADDRESSES)),
                partition.getState() == PartitionState.RUNNING, throttle == null ? resources : capped(resources, throttle));
    }

    /** The spec in the agent protocol's form: every address in "ipv4", the primary first. */
    static Map<String, Object> spec(String hostname, String templateKind, Optional<IpPoolService.Attachment> attachment,
                                    boolean autostart, Resources resources) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hostname", hostname);
        spec.put("template", templateKind);
        attachment.ifPresent(addresses -> {
            spec.put("ipv4", addresses.addresses());
            spec.put("gateway", addresses.gateway());
        });
        spec.put("autostart", autostart);
        spec.put("resources", resources.toText());
        return spec;
    }

    /** The rates at most {@code bitsPerSecond} each way (0, unlimited, becomes that rate too). */
    private static Resources capped(Resources resources, long bitsPerSecond) {
        Resources result = resources;
        for (ResourceField rate : new ResourceField[] {ResourceField.NET_EGRESS, ResourceField.NET_INGRESS}) {
            long current = resources.get(rate);
            result = result.with(rate, current == 0 ? bitsPerSecond : Math.min(current, bitsPerSecond));
        }
        return result;
    }
}
