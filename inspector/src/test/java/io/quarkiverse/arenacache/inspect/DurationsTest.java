package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "2s, PT2S",
            "1m, PT1M",
            "1h, PT1H",
            "PT2S, PT2S",
            "pt1.5s, PT1.5S",
            "' 10s ', PT10S",
            "P1D, PT24H" })
    void parsesUnitsAndIso(String text, Duration expected) {
        assertThat(Durations.parsePositive(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2", "2x", "s", "-1s", "1.5s", "PT", "P-", "", "99999999999999999999s" })
    void rejectsWhatIsNotADurationWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parsePositive(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration")
                .hasMessageContaining("500ms, 2s, 1m");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0s", "0ms", "PT0S", "-PT1S" })
    void rejectsZeroAndNegative(String text) {
        assertThatThrownBy(() -> Durations.parsePositive(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be longer than zero");
    }

    @ParameterizedTest
    @CsvSource({
            "PT0S, 0s",
            "PT0.000000123S, 123ns",
            "PT0.0000123S, 12.3us",
            "PT0.00498S, 4.98ms",
            "PT0.0498S, 49.8ms",
            "PT0.498S, 498ms",
            "PT1.5S, 1.5s",
            "PT2S, 2s",
            "PT10M, 10m",
            "PT1H30M, 1h30m",
            "PT61.5S, 1m1s",
            "PT51H, 2d3h",
            "-PT2S, -2s" })
    void formatsShortly(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }
}
