package org.vpspanel.agent.spec;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import static org.assertj.core.api.Assertions.assertThat;

class SpecChangesTest {

    private final PartitionSpec current = new PartitionSpec("p1", "web1", Template.BUSYBOX, List.of("10.0.0.2/24"), null, false,
            Resources.defaults());

    @Test
    void theSameSpecChangesNothing() {
        assertThat(SpecChanges.between(current, current).none()).isTrue();
    }

    @Test
    void sortsChangesByWhenTheyTakeEffect() {
        PartitionSpec desired = new PartitionSpec("p1", "web2", Template.DEBIAN_12, List.of("10.0.0.3/24"), null, true,
                Resources.defaults().with(ResourceField.MEMORY, 1L << 30).with(ResourceField.DISK, 20L << 30)
                        .with(ResourceField.OPEN_FILES, 4096).with(ResourceField.MONTHLY_TRAFFIC, 2L << 40));

        SpecChanges changes = SpecChanges.between(current, desired);

        assertThat(changes.live()).containsExactly("ipv4", "resources.memory", "resources.disk");
        assertThat(changes.atRestart()).containsExactly("hostname", "resources.openFiles");
        assertThat(changes.atReinstall()).containsExactly("template");
        assertThat(changes.panelOnly()).containsExactly("autostart", "resources.monthlyTraffic");
    }

    @Test
    void addressesChangeLiveOnAPartitionWithALinkAndAtTheNextStartOnOneWithout() {
        PartitionSpec twoAddresses = new PartitionSpec("p1", "web1", Template.BUSYBOX,
                List.of("10.0.0.2/24", "10.0.0.9/24"), "10.0.0.1", false, Resources.defaults());
        PartitionSpec loopbackOnly = new PartitionSpec("p1", "web1", Template.BUSYBOX, List.of(), null, false,
                Resources.defaults());

        assertThat(SpecChanges.between(current, twoAddresses).live()).containsExactly("ipv4", "gateway");
        assertThat(SpecChanges.between(loopbackOnly, twoAddresses).atRestart()).containsExactly("ipv4", "gateway");
        assertThat(SpecChanges.between(twoAddresses, loopbackOnly).atRestart()).containsExactly("ipv4", "gateway");
    }
}
