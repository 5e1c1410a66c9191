package org.vpspanel.partition;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.vpspanel.node.IpPoolService;
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

    /**
     * The spec in the agent protocol's form. The agent gives a partition one address: the first of those
     * the panel allocated (the others stay reserved for it).
     */
    Map<String, Object> specOf(Partition partition) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hostname", partition.getHostname());
        spec.put("template", templates.kindOf(partition.getTemplateId()));
        ipPools.primaryAttachmentOf(partition.getId()).ifPresent(attachment -> {
            spec.put("ipv4", attachment.address());
            spec.put("gateway", attachment.gateway());
        });
        spec.put("autostart", partition.getState() == PartitionState.RUNNING);
        spec.put("resources", partition.resources().toText());
        return spec;
    }
}
