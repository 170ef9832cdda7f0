package io.quarkiverse.arenacache.benchmarks.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapHistogramTest {

    @Test
    void reportsTheClassesThatGrewLargestFirst() {
        HeapHistogram before = HeapHistogram.parse("""
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:          1000         160000  [B (java.base@25.0.3)
                   2:           500          12000  java.lang.String (java.base@25.0.3)
                Total          1500         172000
                """);
        HeapHistogram after = HeapHistogram.parse("""
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:             2        4194336  [J (java.base@25.0.3)
                   2:          1001         160160  [B (java.base@25.0.3)
                   3:           400           9600  java.lang.String (java.base@25.0.3)
                Total          1403        4364096
                """);

        assertThat(after.growthSince(before, 5)).containsExactly(new HeapHistogram.Growth("[J", 2, 4194336),
                new HeapHistogram.Growth("[B", 1, 160));
        assertThat(after.totalGrowthSince(before)).isEqualTo(4194336 + 160 - 2400);
    }

    @Test
    void readsThisJvmsHeap() {
        byte[][] retained = new byte[64][];
        HeapHistogram before = HeapHistogram.take();
        for (int i = 0; i < retained.length; i++) {
            retained[i] = new byte[64 * 1024];
        }
        HeapHistogram after = HeapHistogram.take();

        assertThat(after.growthSince(before, 3)).anySatisfy(growth -> {
            assertThat(growth.className()).isEqualTo("[B");
            assertThat(growth.bytes()).isGreaterThanOrEqualTo(64L * 64 * 1024);
        });
        assertThat(retained[63]).hasSize(64 * 1024);
    }
}
