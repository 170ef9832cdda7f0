package io.quarkiverse.arenacache.benchmarks.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class HitRatioSimulationTest {

    @Test
    void everyRequestedTraceIsOnTheClasspath() {
        for (String name : LirsTraces.NAMES) {
            long[] trace = LirsTraces.load(name);
            assertThat(trace.length).as(name).isGreaterThan(1000);
            assertThat(LirsTraces.distinct(trace)).as(name).isGreaterThan(100);
        }
        assertThat(LirsTraces.load("loop")).hasSize(505_500);
    }

    @Test
    void unknownTracesAreNamed() {
        assertThatThrownBy(() -> LirsTraces.load("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("multi1");
    }

    @Test
    void lruMissesEverythingOnALoopLargerThanItAndHitsEverythingOnASmallerOne() {
        long[] loop = LongStream.range(0, 10_000).map(i -> i % 100).toArray();
        assertThat(HitRatioSimulation.replay("t", loop, 100, 99, "LRU", LruPolicy::new).hitRatio()).isZero();
        assertThat(HitRatioSimulation.replay("t", loop, 100, 100, "LRU", LruPolicy::new).hitRatio())
                .isEqualTo(0.99);
    }

    @Test
    void caffeineKeepsPartOfALoopThatLruThrashes() {
        long[] loop = LongStream.range(0, 20_000).map(i -> i % 200).toArray();
        double caffeine = HitRatioSimulation.replay("t", loop, 200, 100, "Caffeine", CaffeinePolicy::new).hitRatio();
        assertThat(caffeine).isGreaterThan(0.2);
    }

    @Test
    void rowsCoverEverySizeAndPolicy() {
        List<HitRatioSimulation.Row> rows = HitRatioSimulation.simulate("cs", List.of("Caffeine", "LRU"));
        assertThat(rows).hasSize(2 * HitRatioSimulation.SIZE_FRACTIONS.length);
        assertThat(rows).allSatisfy(row -> assertThat(row.hitRatio()).isBetween(0.0, 1.0));
        assertThatThrownBy(() -> HitRatioSimulation.factory("FIFO")).hasMessageContaining("unknown policy");
    }
}
