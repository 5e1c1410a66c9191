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

    AgentSpecs(IpPoolService ipPools, TemplateService templates) {
        this.ipPools = ipPools;
        this.templates = templates;
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
     * The partition's spec with these resources, and as many of its addresses as they give it (the first ones
     * it got): during a plan change it may hold more for a moment.
     */
    Map<String, Object> specOf(Partition partition, Resources resources) {
        return spec(partition.getHostname(), templates.forJob(partition.getTemplateId()).kind(),
                ipPools.attachmentOf(partition.getId(), (int) resources.get(ResourceField.IPV4_ADDRESSES)),
                partition.getState() == PartitionState.RUNNING, resources);
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
}
