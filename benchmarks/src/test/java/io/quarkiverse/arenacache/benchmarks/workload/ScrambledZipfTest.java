package io.quarkiverse.arenacache.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScrambledZipfTest {

    @Test
    void keysStayInRangeAndRepeatForTheSameSeed() {
        long[] first = new ScrambledZipf(1000, 7).draw(10_000);
        long[] second = new ScrambledZipf(1000, 7).draw(10_000);
        assertThat(first).isEqualTo(second);
        assertThat(Arrays.stream(first).allMatch(k -> k >= 0 && k < 1000)).isTrue();
        assertThat(new ScrambledZipf(1000, 8).draw(10_000)).isNotEqualTo(first);
    }

    @Test
    void popularityIsSkewedButHotKeysAreScattered() {
        long[] keys = new ScrambledZipf(100_000, 1).draw(200_000);
        Map<Long, Integer> counts = new HashMap<>();
        for (long key : keys) {
            counts.merge(key, 1, Integer::sum);
        }
        int hottest = counts.values().stream().max(Integer::compare).orElseThrow();
        // Under Zipf(0.99) over 100K keys the top key gets ~8% of draws; uniform would give ~2 draws.
        assertThat(hottest).isGreaterThan(200_000 / 50);
        assertThat(counts.size()).isGreaterThan(10_000);
        long hotKey = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(hotKey).as("rank 0 is scrambled away from key 0").isNotZero();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new ScrambledZipf(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("items");
        assertThatThrownBy(() -> new ScrambledZipf(10, 1.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skew");
    }
}
