package org.vpspanel.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResourceFieldTest {

    @ParameterizedTest
    @EnumSource(ResourceField.class)
    void theDefaultIsWithinTheBounds(ResourceField field) {
        assertThat(field.checkBounds(field.defaultValue())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ResourceField.class)
    void theBoundsThemselvesAreAcceptedAndOneBeyondIsRefused(ResourceField field) {
        assertThat(field.checkBounds(field.min())).isEmpty();
        assertThat(field.checkBounds(field.max())).isEmpty();
        assertThat(field.checkBounds(field.max() + 1)).hasValueSatisfying(message -> assertThat(message)
                .startsWith(field.label() + " must be between " + field.format(field.min()) + " and "
                        + field.format(field.max())));
        if (field.min() > 0 && !(field.min() == 1 && field.zeroMeansUnlimited())) {
            assertThat(field.checkBounds(field.min() - 1)).isPresent();
        }
        assertThat(field.checkBounds(-1)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(ResourceField.class)
    void zeroIsAcceptedOnlyWhereItMeansUnlimitedOrIsTheMinimum(ResourceField field) {
        boolean zeroAllowed = field.zeroMeansUnlimited() || field.min() == 0;

        assertThat(field.checkBounds(0).isEmpty()).isEqualTo(zeroAllowed);
        if (field.zeroMeansUnlimited()) {
            assertThat(field.humanize(0)).isEqualTo("unlimited");
            assertThat(field.checkBounds(field.max() + 1)).hasValueSatisfying(m -> assertThat(m)
                    .endsWith("(or 0 for unlimited)"));
        }
    }

    @Test
    void memoryZeroIsRefusedButUnlimitedBandwidthIsNot() {
        assertThat(ResourceField.MEMORY.checkBounds(0)).contains("Memory must be between 16M and 4T");
        assertThat(ResourceField.NET_EGRESS.checkBounds(0)).isEmpty();
        assertThat(ResourceField.NET_EGRESS.checkBounds(1000))
                .contains("Outbound bandwidth must be between 64Kbit and 100Gbit (or 0 for unlimited)");
    }

    @ParameterizedTest
    @EnumSource(ResourceField.class)
    void theFlagIsTheKebabCaseOfTheFieldName(ResourceField field) {
        String expected = "--" + field.name().toLowerCase(Locale.ROOT).replace('_', '-');

        assertThat(field.flag()).isEqualTo(expected).matches("--[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(field.fieldName()).doesNotContain("-", "_");
    }

    @Test
    void fieldNamesAreUniqueAndFindTheirField() {
        assertThat(Arrays.stream(ResourceField.values()).map(ResourceField::fieldName)).doesNotHaveDuplicates();
        for (ResourceField field : ResourceField.values()) {
            assertThat(ResourceField.byFieldName(field.fieldName())).contains(field);
        }
        assertThat(ResourceField.byFieldName("ram")).isEmpty();
        assertThat(ResourceField.byFieldName("MEMORY")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ResourceField.class)
    void boundsAndDefaultsReadBackFromTheirWrittenForm(ResourceField field) {
        for (long value : new long[] {field.min(), field.max(), field.defaultValue()}) {
            assertThat(field.parse(field.format(value))).isEqualTo(value);
        }
    }

    @Test
    void eachKindReadsItsOwnUnit() {
        assertThat(ResourceField.MEMORY.parse("2G")).isEqualTo(2L << 30);
        assertThat(ResourceField.IO_WRITE_BPS.parse("5M")).isEqualTo(5L << 20);
        assertThat(ResourceField.NET_INGRESS.parse("100Mbit")).isEqualTo(100_000_000L);
        assertThat(ResourceField.CPUS.parse(" 4 ")).isEqualTo(4);
        assertThat(ResourceField.CPU_LIMIT.parse("250")).isEqualTo(250);
    }

    @Test
    void countsAreWholeNumbersWithoutUnits() {
        assertThatThrownBy(() -> ResourceField.CPUS.parse("4G")).hasMessage("'4G' is not a whole number");
        assertThatThrownBy(() -> ResourceField.PROCESSES.parse("-1")).hasMessage("'-1' is not a whole number");
        assertThatThrownBy(() -> ResourceField.PTYS.parse(null)).hasMessage("'' is not a whole number");
        assertThatThrownBy(() -> ResourceField.DISK_INODES.parse("1".repeat(19)))
                .hasMessage("'" + "1".repeat(19) + "' is not a whole number");
    }

    @Test
    void valuesForPeopleCarryTheirUnit() {
        assertThat(ResourceField.MEMORY.humanize(512L << 20)).isEqualTo("512 MiB");
        assertThat(ResourceField.NET_EGRESS.humanize(10_000_000)).isEqualTo("10 Mbit/s");
        assertThat(ResourceField.CPU_LIMIT.humanize(50)).isEqualTo("50 %");
        assertThat(ResourceField.PROCESSES.humanize(4_194_304)).isEqualTo("4,194,304");
        assertThat(ResourceField.SWAP.humanize(0)).isEqualTo("0 B");
    }
}
