package org.vpspanel.agent.spec;

import org.junit.jupiter.api.Test;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import static org.assertj.core.api.Assertions.assertThat;

class SpecChangesTest {

    private final PartitionSpec current = new PartitionSpec("p1", "web1", Template.BUSYBOX, "10.0.0.2/24", null, false,
            Resources.defaults());

    @Test
    void theSameSpecChangesNothing() {
        assertThat(SpecChanges.between(current, current).none()).isTrue();
    }

    @Test
    void sortsChangesByWhenTheyTakeEffect() {
        PartitionSpec desired = new PartitionSpec("p1", "web2", Template.DEBIAN_12, "10.0.0.3/24", null, true,
                Resources.defaults().with(ResourceField.MEMORY, 1L << 30).with(ResourceField.DISK, 20L << 30)
                        .with(ResourceField.OPEN_FILES, 4096).with(ResourceField.MONTHLY_TRAFFIC, 2L << 40));

        SpecChanges changes = SpecChanges.between(current, desired);

        assertThat(changes.live()).containsExactly("resources.memory", "resources.disk");
        assertThat(changes.atRestart()).containsExactly("hostname", "ipv4", "resources.openFiles");
        assertThat(changes.atReinstall()).containsExactly("template");
        assertThat(changes.panelOnly()).containsExactly("autostart", "resources.monthlyTraffic");
    }
}
