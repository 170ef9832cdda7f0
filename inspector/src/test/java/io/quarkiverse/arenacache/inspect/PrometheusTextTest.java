package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.arenacache.inspect.PrometheusText.Sample;

class PrometheusTextTest {

    @Test
    void readsSamplesAndSkipsCommentsAndBlankLines() {
        List<Sample> samples = PrometheusText.parse("""
                # HELP cache_size The number of entries
                # TYPE cache_size gauge

                cache_size{cache="users"} 5.0
                process_uptime_seconds 12.5
                """);

        assertThat(samples).containsExactly(
                new Sample("cache_size", Map.of("cache", "users"), 5.0, "5.0"),
                new Sample("process_uptime_seconds", Map.of(), 12.5, "12.5"));
    }

    @Test
    void handlesEscapesSpacingTrailingCommasTimestampsAndExemplars() {
        List<Sample> samples = PrometheusText.parse(
                "cache_gets_total { cache = \"we\\\"ird, \\\\ name\\n\" , result=\"hit\", } 1e3 1700000000000\r\n"
                        + "arena_cache_load_seconds_bucket{cache=\"u\",le=\"+Inf\"} 4 # {trace_id=\"abc\"} 0.5 1.7e9\n"
                        + "# EOF\n");

        assertThat(samples.get(0).labels()).containsExactly(Map.entry("cache", "we\"ird, \\ name\n"),
                Map.entry("result", "hit"));
        assertThat(samples.get(0).value()).isEqualTo(1000.0);
        assertThat(samples.get(1).labels()).containsEntry("le", "+Inf");
        assertThat(samples.get(1).value()).isEqualTo(4.0);
    }

    @Test
    void readsSpecialValues() {
        List<Sample> samples = PrometheusText.parse("a NaN\nb +Inf\nc -Inf\n");

        assertThat(samples.get(0).value()).isNaN();
        assertThat(samples.get(1).value()).isInfinite().isPositive();
        assertThat(samples.get(2).value()).isInfinite().isNegative();
        assertThat(samples.get(1).valueText()).isEqualTo("+Inf");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE html>",
            "{\"caches\":[]}",
            "cache_size{cache=\"users\" 5",
            "cache_size{cache=users} 5",
            "cache_size{cache=\"users} 5",
            "cache_size 5 apples",
            "cache_size five",
            "cache_size",
            "9lives 1" })
    void rejectsLinesThatAreNotSamples(String line) {
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\n" + line + "\n"))
                .isInstanceOf(PrometheusText.FormatException.class)
                .hasMessageStartingWith("line 2: ");
    }
}
