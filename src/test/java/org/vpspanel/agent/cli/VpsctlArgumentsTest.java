package org.vpspanel.agent.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VpsctlArgumentsTest {

    @Test
    void readsCreateWithResourceFlagsNamedAfterTheCatalogue() {
        Invocation inv = VpsctlArguments.parse(new String[] {"--socket", "/tmp/a.sock", "create", "p1", "--template", "busybox",
                "--hostname", "web1", "--ip", "10.0.0.2/24", "--gateway", "10.0.0.1", "--memory", "64M", "--io-write-bps", "5M",
                "--net-egress", "10Mbit", "--cpu-limit", "50", "--json"});

        assertThat(inv.action()).isEqualTo("create");
        assertThat(inv.id()).isEqualTo("p1");
        assertThat(inv.socket()).isEqualTo(Path.of("/tmp/a.sock"));
        assertThat(inv.json()).isTrue();
        assertThat(inv.options()).containsEntry("template", "busybox").containsEntry("ip", "10.0.0.2/24");
        assertThat(inv.resources()).isEqualTo(Map.of("memory", "64M", "ioWriteBps", "5M", "netEgress", "10Mbit", "cpuLimit", "50"));
    }

    @Test
    void readsExecCommandAfterTheDoubleDash() {
        Invocation inv = VpsctlArguments.parse(new String[] {"exec", "p1", "--timeout", "5", "--", "sh", "-c", "echo --memory"});

        assertThat(inv.command()).isEqualTo(List.of("sh", "-c", "echo --memory"));
        assertThat(inv.options()).containsEntry("timeout", "5");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {})).hasMessage("no command given");
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {"explode", "p1"})).hasMessage("unknown command 'explode'");
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {"start"})).hasMessage("start needs a partition id");
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {"create", "p1", "--hostname", "a"})).hasMessage("create needs --template");
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {"set", "p1", "--memory", "lots"}))
                .hasMessageStartingWith("--memory: 'lots' is not a size");
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {"start", "p1", "--memory", "64M"}))
                .hasMessage("unknown option '--memory' for start");
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {"set", "p1", "--memory"})).hasMessage("--memory needs a value");
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {"exec", "p1"})).hasMessage("exec needs a command after --");
        assertThatThrownBy(() -> VpsctlArguments.parse(new String[] {"stop", "p1", "--timeout", "soon"}))
                .hasMessage("--timeout must be a whole number of seconds");
    }

    @Test
    void rendersTablesInAlignedColumns() {
        assertThat(Tables.render(List.of(List.of("ID", "STATE"), List.of("web-1", "running"))))
                .isEqualTo("ID     STATE\nweb-1  running\n");
    }
}
