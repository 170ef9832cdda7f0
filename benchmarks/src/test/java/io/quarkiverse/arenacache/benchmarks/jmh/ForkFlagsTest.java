package io.quarkiverse.arenacache.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

class ForkFlagsTest {

    @Test
    void everyBenchmarkForkGetsTheSameBaseFlags() {
        for (Class<?> benchmark : List.of(GetPutBenchmark.class, EvictionBenchmark.class)) {
            assertThat(benchmark.getAnnotation(Fork.class).jvmArgsAppend()).as(benchmark.getSimpleName())
                    .containsExactlyElementsOf(ForkFlags.BASE);
        }
    }

    @Test
    void extraFlagsComeAfterTheBaseOnes() {
        assertThat(ForkFlags.with(List.of("-XX:+UseTransparentHugePages"))).endsWith("-XX:+UseTransparentHugePages")
                .startsWith(ForkFlags.BASE.toArray(String[]::new)).hasSize(ForkFlags.BASE.size() + 1);
    }
}
