package org.vpspanel.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vpspanel.common.FieldViolation;

class ResourcesTest {

    private static final long MIB = 1L << 20;

    @Test
    void theDefaultsAreAValidPlan() {
        Resources defaults = Resources.defaults();

        assertThat(defaults.violations()).isEmpty();
        for (ResourceField field : ResourceField.values()) {
            assertThat(defaults.get(field)).isEqualTo(field.defaultValue());
        }
    }

    @Test
    void parsedValuesOverlayTheDefaults() {
        Resources resources = Resources.parse(Map.of("memory", "2G", "cpus", "2", "netEgress", "10Mbit"));

        assertThat(resources.get(ResourceField.MEMORY)).isEqualTo(2048 * MIB);
        assertThat(resources.get(ResourceField.CPUS)).isEqualTo(2);
        assertThat(resources.get(ResourceField.NET_EGRESS)).isEqualTo(10_000_000);
        assertThat(resources.get(ResourceField.DISK)).isEqualTo(ResourceField.DISK.defaultValue());
    }

    @Test
    void everyUnreadableOrUnknownFieldIsReportedTogetherByName() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("memory", "lots");
        texts.put("cpus", "2.5");
        texts.put("ram", "2G");
        texts.put("disk", "20G");

        assertThatThrownBy(() -> Resources.parse(texts))
                .isInstanceOfSatisfying(InvalidResourcesException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::message)
                        .containsExactly(
                                tuple("memory", "Memory: 'lots' is not a size; use e.g. 64M, 2G, 512K"),
                                tuple("cpus", "CPU cores: '2.5' is not a whole number"),
                                tuple("ram", "unknown resource 'ram'")));
    }

    @Test
    void memoryZeroViolatesItsBoundsAndNamesTheField() {
        Resources noMemory = Resources.defaults().with(ResourceField.MEMORY, 0);

        assertThat(noMemory.violations()).extracting(FieldViolation::field).contains("memory");
        assertThatThrownBy(noMemory::validated).isInstanceOf(InvalidResourcesException.class)
                .hasMessageContaining("Memory must be between 16M and 4T");
    }

    @Test
    void zeroLiftsTheLimitsThatAllowIt() {
        Resources unlimited = Resources.defaults();
        for (ResourceField field : ResourceField.values()) {
            if (field.zeroMeansUnlimited()) {
                unlimited = unlimited.with(field, 0);
            }
        }

        assertThat(unlimited.violations()).isEmpty();
    }

    @Test
    void theCpuLimitCanBeAtMostOneHundredPercentPerCore() {
        Resources twoCores = Resources.defaults().with(ResourceField.CPUS, 2);

        assertThat(twoCores.with(ResourceField.CPU_LIMIT, 200).violations()).isEmpty();
        assertThat(twoCores.with(ResourceField.CPU_LIMIT, 0).violations()).isEmpty();
        assertThat(twoCores.with(ResourceField.CPU_LIMIT, 201).violations()).containsExactly(new FieldViolation(
                "cpuLimit", "CPU limit can be at most 100 % per core (200 for 2 cores)"));
    }

    @Test
    void guaranteedLockedAndHugePageMemoryCannotExceedTheMemory() {
        Resources small = Resources.defaults().with(ResourceField.MEMORY, 256 * MIB);

        assertThat(small.with(ResourceField.MEMORY_GUARANTEE, 256 * MIB).violations()).isEmpty();
        assertThat(small.with(ResourceField.MEMORY_GUARANTEE, 257 * MIB)
                .with(ResourceField.LOCKED_MEMORY, 512 * MIB)
                .with(ResourceField.HUGEPAGES, 1024 * MIB).violations())
                .containsExactly(
                        new FieldViolation("memoryGuarantee", "Memory guarantee cannot exceed memory (256 MiB)"),
                        new FieldViolation("lockedMemory", "Locked memory cannot exceed memory (256 MiB)"),
                        new FieldViolation("hugepages", "Huge pages cannot exceed memory (256 MiB)"));
    }

    @Test
    void validatedReturnsTheSameValuesWhenThereIsNothingWrong() {
        Resources plan = Resources.parse(Map.of("memory", "1G", "cpus", "2", "cpuLimit", "150"));

        assertThat(plan.validated()).isSameAs(plan);
    }

    @Test
    void theWrittenFormAndTheBaseUnitsReadBackToEqualResources() {
        Resources plan = Resources.parse(Map.of("memory", "3G", "disk", "40G", "netIngress", "250Mbit",
                "ioWriteBps", "5M", "processes", "2048"));

        assertThat(plan.toText()).containsEntry("memory", "3G").containsEntry("netIngress", "250Mbit");
        assertThat(plan.toBaseUnits()).containsEntry("memory", 3L << 30).hasSize(ResourceField.values().length);
        assertThat(Resources.parse(plan.toText())).isEqualTo(plan).hasSameHashCodeAs(plan);
        assertThat(Resources.fromBaseUnits(plan.toBaseUnits())).isEqualTo(plan);
        assertThat(Resources.fromBaseUnits(Map.of("memory", 1L << 30)))
                .isEqualTo(Resources.defaults().with(ResourceField.MEMORY, 1L << 30));
    }

    @Test
    void withLeavesTheOriginalUnchanged() {
        Resources defaults = Resources.defaults();

        Resources changed = defaults.with(ResourceField.CPUS, 8);

        assertThat(defaults.get(ResourceField.CPUS)).isEqualTo(1);
        assertThat(changed.get(ResourceField.CPUS)).isEqualTo(8);
        assertThat(changed).isNotEqualTo(defaults);
    }
}
