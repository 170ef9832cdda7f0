package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0 B",
            "1023, 1023 B",
            "1024, 1.0 KiB",
            "1536, 1.5 KiB",
            "1048575, 1.0 MiB",
            "12897485, 12.3 MiB",
            "67108864, 64.0 MiB",
            "1073741824, 1.0 GiB",
            "-2048, -2.0 KiB",
            "9223372036854775807, 8.0 EiB" })
    void bytesInBinaryUnits(long bytes, String expected) {
        assertThat(Units.bytes(bytes)).isEqualTo(expected);
    }

    @Test
    void minimumLongDoesNotOverflow() {
        assertThat(Units.bytes(Long.MIN_VALUE)).isEqualTo("-8.0 EiB");
    }

    @Test
    void countsAreGroupedWhateverTheDefaultLocale() {
        assertThat(Units.count(1234567)).isEqualTo("1,234,567");
        assertThat(Units.percent(0.93)).isEqualTo("93.0 %");
    }

    @Test
    void ratioIsClampedAndSafeForAnEmptyWhole() {
        assertThat(Units.ratio(5, 0)).isZero();
        assertThat(Units.ratio(15, 10)).isEqualTo(1.0);
        assertThat(Units.ratio(1, 4)).isEqualTo(0.25);
    }
}
