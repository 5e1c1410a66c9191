package org.vpspanel.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

class AgentSpecsTest {

    @Test
    void everyAddressGoesToTheAgentThePrimaryFirstWithItsGateway() {
        Resources resources = Resources.defaults().with(ResourceField.IPV4_ADDRESSES, 2);

        Map<String, Object> spec = AgentSpecs.spec("web1", "busybox", Optional.of(new IpPoolService.Attachment(
                List.of("10.0.0.12/24", "10.0.0.10/24"), "10.0.0.1")), true, resources);

        assertThat(spec).containsEntry("ipv4", List.of("10.0.0.12/24", "10.0.0.10/24"))
                .containsEntry("gateway", "10.0.0.1").containsEntry("template", "busybox")
                .containsEntry("autostart", true);
        assertThat(AgentSpecs.spec("web1", "busybox", Optional.empty(), false, resources))
                .doesNotContainKeys("ipv4", "gateway");
    }
}
