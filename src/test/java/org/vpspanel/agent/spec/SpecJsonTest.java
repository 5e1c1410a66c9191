package org.vpspanel.agent.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpspanel.resources.ResourceField;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecJsonTest {

    private static Map<String, Object> spec(Map<String, Object> resources) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hostname", "web1");
        json.put("template", "busybox");
        json.put("ipv4", "10.0.0.2/24");
        json.put("gateway", "10.0.0.1");
        json.put("resources", resources);
        return json;
    }

    @Test
    void readsResourcesInTheirUnitsOrBaseUnitsAndDefaultsTheRest() {
        PartitionSpec spec = SpecJson.read("p1", spec(Map.of("memory", "64M", "cpuLimit", 50, "netEgress", "10Mbit", "disk", 268435456)));

        assertThat(spec.resources().get(ResourceField.MEMORY)).isEqualTo(64L << 20);
        assertThat(spec.resources().get(ResourceField.CPU_LIMIT)).isEqualTo(50);
        assertThat(spec.resources().get(ResourceField.NET_EGRESS)).isEqualTo(10_000_000);
        assertThat(spec.resources().get(ResourceField.DISK)).isEqualTo(256L << 20);
        assertThat(spec.resources().get(ResourceField.PROCESSES)).isEqualTo(ResourceField.PROCESSES.defaultValue());
        assertThat(spec.addresses()).containsExactly(Ipv4Cidr.parse("10.0.0.2/24"));
    }

    @Test
    void readsSeveralAddressesThePrimaryFirstAndRefusesRepeatsAndAGatewayOutsideThePrimarysNetwork() {
        Map<String, Object> json = spec(Map.of());
        json.put("ipv4", java.util.List.of("10.0.0.2/24", "192.168.5.7/24"));

        PartitionSpec spec = SpecJson.read("p1", json);
        assertThat(spec.ipv4()).containsExactly("10.0.0.2/24", "192.168.5.7/24");
        assertThat(SpecJson.write(spec).get("ipv4")).isEqualTo(java.util.List.of("10.0.0.2/24", "192.168.5.7/24"));
        json.put("ipv4", java.util.List.of("10.0.0.2/24", "10.0.0.2/24"));
        assertThatThrownBy(() -> SpecJson.read("p1", json))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("ipv4"));
        json.put("ipv4", java.util.List.of("192.168.5.7/24", "10.0.0.2/24"));
        assertThatThrownBy(() -> SpecJson.read("p1", json))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("gateway"));
        json.put("ipv4", java.util.List.of("10.0.0.2/24", 7));
        assertThatThrownBy(() -> SpecJson.read("p1", json))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("ipv4"));
    }

    @Test
    void writtenFormReadsBackEqual() {
        PartitionSpec spec = SpecJson.read("p1", spec(Map.of("memory", "64M", "ioWriteBps", "5M")));

        assertThat(SpecJson.read("p1", SpecJson.write(spec))).isEqualTo(spec);
    }

    @Test
    void refusesUnknownFieldsNamingThem() {
        Map<String, Object> json = spec(Map.of());
        json.put("colour", "blue");

        assertThatThrownBy(() -> SpecJson.read("p1", json))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("colour"));
        assertThatThrownBy(() -> SpecJson.read("p1", spec(Map.of("memroy", "64M"))))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("resources.memroy"));
    }

    @Test
    void refusesValuesOutOfBoundsOrUnreadable() {
        assertThatThrownBy(() -> SpecJson.read("p1", spec(Map.of("memory", "1M"))))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.field()).isEqualTo("resources.memory");
                    assertThat(e.getMessage()).contains("between");
                });
        assertThatThrownBy(() -> SpecJson.read("p1", spec(Map.of("processes", "many"))))
                .hasMessageContaining("resources.processes");
        assertThatThrownBy(() -> SpecJson.read("p1", spec(Map.of("processes", -5))))
                .hasMessageContaining("resources.processes");
        assertThatThrownBy(() -> SpecJson.read("p1", spec(Map.of("cpus", 1, "cpuLimit", 150))))
                .hasMessageContaining("resources.cpuLimit");
        assertThatThrownBy(() -> SpecJson.read("p1", spec(Map.of("memory", true))))
                .hasMessageContaining("resources.memory");
    }

    @Test
    void refusesIdsThatCouldNotNameHostObjects() {
        assertThatThrownBy(() -> SpecJson.read("../etc", spec(Map.of()))).hasMessageStartingWith("id:");
        assertThatThrownBy(() -> SpecJson.read("UPPER", spec(Map.of()))).hasMessageStartingWith("id:");
    }

    @ParameterizedTest
    @CsvSource({"hostname, -bad-", "template, windows", "ipv4, 10.0.0.300/24", "gateway, 192.168.1.1"})
    void refusesBadHostnamesTemplatesAndAddresses(String field, String value) {
        Map<String, Object> json = spec(Map.of());
        json.put(field, value);

        assertThatThrownBy(() -> SpecJson.read("p1", json)).hasMessageStartingWith(field + ":");
    }

    @Test
    void refusesAutostartThatIsNotABoolean() {
        Map<String, Object> json = spec(Map.of());
        json.put("autostart", "yes");

        assertThatThrownBy(() -> SpecJson.read("p1", json)).hasMessageStartingWith("autostart:");
    }
}
