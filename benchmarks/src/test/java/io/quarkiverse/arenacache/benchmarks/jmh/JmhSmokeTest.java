package io.quarkiverse.arenacache.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** One very short in-process iteration of each workload, so a broken benchmark fails the build, not the suite. */
class JmhSmokeTest {

    @Test
    void everyWorkloadRunsOneShortIteration() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("(GetPutBenchmark|EvictionBenchmark)\\.")
                .param("contender", "CAFFEINE")
                .param("entries", "16384")
                .param("valueSize", "64")
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .timeUnit(TimeUnit.SECONDS)
                .forks(0)
                .shouldFailOnError(true)
                .build()).run();

        assertThat(results).hasSize(4);
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }
}
