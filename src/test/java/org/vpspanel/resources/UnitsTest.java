package org.vpspanel.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnitsTest {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;
    private static final long GIB = MIB * KIB;
    private static final long TIB = GIB * KIB;

    /** Sizes are binary (64M = 64 MiB); rates are decimal bits per second (10Mbit = 10,000,000), as tc counts. */
    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "size, 64M, 67108864",
            "size, 2G, 2147483648",
            "size, 512K, 524288",
            "size, 1T, 1099511627776",
            "size, 1000, 1000",
            "size, 0, 0",
            "size, 64m, 67108864",
            "size, 64MiB, 67108864",
            "size, 64MB, 67108864",
            "size, ' 2 G ', 2147483648",
            "size, 1.5G, 1610612736",
            "size, 0.5K, 512",
            "rate, 10Mbit, 10000000",
            "rate, 1Gbit, 1000000000",
            "rate, 512Kbit, 512000",
            "rate, 100Mbps, 100000000",
            "rate, 10M, 10000000",
            "rate, 64000, 64000",
            "rate, 2.5Mbit, 2500000"})
    void valuesAreReadInTheirUnit(String kind, String text, long value) {
        long read = kind.equals("size") ? Units.parseSize(text) : Units.parseRate(text);

        assertThat(read).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5M", "5X", "M", "1,5G", "64 M B", "0x10"})
    void unreadableSizesSayWhatIsExpected(String text) {
        assertThatThrownBy(() -> Units.parseSize(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text.trim() + "' is not a size; use e.g. 64M, 2G, 512K");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "10Tbit", "-1Mbit", "10 Mbit/s"})
    void unreadableRatesSayWhatIsExpected(String text) {
        assertThatThrownBy(() -> Units.parseRate(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a rate; use e.g. 10Mbit, 1Gbit, 512Kbit");
    }

    @Test
    void aMissingValueIsRequired() {
        assertThatThrownBy(() -> Units.parseSize("  ")).hasMessage("a size is required, e.g. 64M, 2G, 512K");
        assertThatThrownBy(() -> Units.parseSize(null)).hasMessage("a size is required, e.g. 64M, 2G, 512K");
        assertThatThrownBy(() -> Units.parseRate("")).hasMessage("a rate is required, e.g. 10Mbit, 1Gbit, 512Kbit");
    }

    @Test
    void fractionsThatAreNotWholeUnitsAreRefused() {
        assertThatThrownBy(() -> Units.parseSize("1.3K"))
                .hasMessage("'1.3K' is not a whole number of bytes or is too large");
        assertThatThrownBy(() -> Units.parseRate("1.0001Kbit"))
                .hasMessage("'1.0001Kbit' is not a whole number of bits per second or is too large");
    }

    @Test
    void valuesBeyondALongAreRefusedInsteadOfOverflowing() {
        assertThat(Units.parseSize("8388607T")).isEqualTo(Long.MAX_VALUE - TIB + 1);
        assertThatThrownBy(() -> Units.parseSize("8388608T"))
                .hasMessage("'8388608T' is not a whole number of bytes or is too large");
        assertThatThrownBy(() -> Units.parseSize("99999999999999999999"))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> Units.parseRate("9223372036854775808"))
                .hasMessageContaining("too large");
        assertThat(Units.parseRate("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    /** How each unit writes a value: exactly, for the plan forms and the command line; or for people. */
    @ParameterizedTest(name = "{0} {1} is written {2}")
    @CsvSource({
            "size, 536870912, 512M",
            "size, 1610612736, 1536M",
            "size, 1099511627776, 1T",
            "size, 1000, 1000",
            "size, 1024, 1K",
            "size, 0, 0",
            "rate, 10000000, 10Mbit",
            "rate, 1000000000, 1Gbit",
            "rate, 1500, 1500bit",
            "rate, 1000000000000, 1000Gbit",
            "rate, 0, 0bit",
            "human size, 536870912, 512 MiB",
            "human size, 1610612736, 1.5 GiB",
            "human size, 1023, 1023 B",
            "human size, 0, 0 B",
            "human size, 5497558138880, 5 TiB",
            "human rate, 10000000, 10 Mbit/s",
            "human rate, 1500, 1.5 Kbit/s",
            "human rate, 999, 999 bit/s",
            "human rate, 100000000000, 100 Gbit/s"})
    void valuesAreWrittenInTheLargestUnitThatFits(String form, long value, String text) {
        LongFunction<String> writer = switch (form) {
            case "size" -> Units::formatSize;
            case "rate" -> Units::formatRate;
            case "human size" -> Units::humanSize;
            case "human rate" -> Units::humanRate;
            default -> throw new IllegalArgumentException(form);
        };

        assertThat(writer.apply(value)).isEqualTo(text);
    }

    @Test
    void formattedValuesReadBackExactly() {
        Random random = new Random(20261125);
        LongStream interesting = LongStream.of(0, 1, 999, 1000, 1023, 1024, 1025, 64 * MIB, 3 * GIB + 1, 5 * TIB,
                1L << 62, Long.MAX_VALUE);
        LongStream multiples = random.longs(200, 0, 1L << 20).map(n -> n * (random.nextBoolean() ? MIB : 1000));
        LongStream anything = random.longs(200, 0, Long.MAX_VALUE);

        LongStream.concat(interesting, LongStream.concat(multiples, anything)).forEach(value -> {
            assertThat(Units.parseSize(Units.formatSize(value))).as("size %d", value).isEqualTo(value);
            assertThat(Units.parseRate(Units.formatRate(value))).as("rate %d", value).isEqualTo(value);
        });
    }
}
