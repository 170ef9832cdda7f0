package io.quarkiverse.arenacache.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void valuesEmbedTheirKey() {
        for (long key : new long[] { 0, 1, 255, 1L << 40, -1, Long.MAX_VALUE }) {
            byte[] value = Values.forKey(key, 64);
            assertThat(value).hasSize(64);
            assertThat(Values.keyOf(value)).isEqualTo(key);
        }
        assertThat(Values.forKey(3, 1024)).isNotEqualTo(Values.forKey(4, 1024));
    }

    @Test
    void valuesTooSmallForTheKeyAreRejected() {
        assertThatThrownBy(() -> Values.forKey(1, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 8");
    }
}
