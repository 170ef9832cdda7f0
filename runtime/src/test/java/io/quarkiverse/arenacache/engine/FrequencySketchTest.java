package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;

import org.junit.jupiter.api.Test;

/** The sketch's aging: when its counters are halved. */
class FrequencySketchTest {

    private static final int ENTRIES = 1000;

    @Test
    void agingHalvesCountersEveryPeriod() {
        try (Arena arena = Arena.ofConfined()) {
            FrequencySketch sketch = new FrequencySketch(1 << 20, arena);
            sketch.ensureCapacity(ENTRIES);
            long period = (long) FrequencySketch.SAMPLE_FACTOR * ENTRIES;
            long tracked = 0x1234_5678_9ABC_DEF0L;
            for (int i = 0; i < 8; i++) {
                increment(sketch, tracked);
            }
            assertThat(sketch.frequency(tracked)).isEqualTo(8);

            long key = 1;
            long untilFirst = 8;
            while (sketch.agings() == 0) {
                increment(sketch, key++ * 0x9E37_79B9_7F4A_7C15L);
                untilFirst++;
            }
            // every increment of distinct keys counted, so the first aging comes after one full period
            assertThat(untilFirst).isEqualTo(period);
            assertThat(sketch.frequency(tracked)).isEqualTo(4);

            long untilSecond = 0;
            while (sketch.agings() == 1) {
                increment(sketch, key++ * 0x9E37_79B9_7F4A_7C15L);
                untilSecond++;
            }
            // the count restarts from zero: a full period again (restarting from what the halved counters hold, as
            // Caffeine does, was measured: it ages faster and a shifting working set is no longer admitted, see
            // WindowAdaptationTest)
            assertThat(untilSecond).isEqualTo(period);
            assertThat(sketch.frequency(tracked)).isEqualTo(2);
        }
    }

    /** One sighting reported at once, as a drain does while the cache is not full. */
    private static void increment(FrequencySketch sketch, long hash) {
        if (sketch.add(hash)) {
            sketch.countAdditions(1);
        }
    }
}
