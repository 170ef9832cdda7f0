package io.quarkiverse.arenacache.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

import io.quarkiverse.arenacache.benchmarks.contenders.Contender;

class JmhPlanTest {

    private static final List<Contender> ALL = List.of(Contender.values());

    @Test
    void fullModeCoversEveryParameterOfTheIssue() {
        JmhPlan plan = JmhPlan.of(SuiteMode.FULL, ALL);

        for (int threads : List.of(1, 2)) {
            for (String workload : List.of("getHit", "get75put25", "putEvict", "getOrLoadMiss")) {
                assertThat(plan.invocations()).as("throughput of %s at %d threads", workload, threads)
                        .anySatisfy(run -> {
                            assertThat(run.include()).contains(workload);
                            assertThat(run.mode()).isEqualTo(Mode.Throughput);
                            assertThat(run.threads()).isEqualTo(threads);
                            assertThat(run.entries()).containsExactly(16384, 4194304);
                            assertThat(run.valueSizes()).containsExactly(64, 1024);
                        });
            }
            assertThat(plan.invocations()).as("get-hit sample time at %d threads", threads).anySatisfy(run -> {
                assertThat(run.include()).contains("getHit");
                assertThat(run.mode()).isEqualTo(Mode.SampleTime);
                assertThat(run.threads()).isEqualTo(threads);
                assertThat(run.contenders()).containsExactlyElementsOf(ALL);
                assertThat(run.entries()).containsExactly(16384, 4194304);
                assertThat(run.valueSizes()).containsExactly(64, 1024);
            });
        }
        assertThat(plan.forks()).isEqualTo(2 * (2 * 6 * 4 + 2 * 4 * 4 + 6 * 4));
    }

    @Test
    void theUnboundedMapAndTheZeroCopyReaderSitOutTheEvictionWorkloads() {
        JmhPlan plan = JmhPlan.of(SuiteMode.QUICK, ALL);

        assertThat(plan.invocations()).filteredOn(run -> run.include().contains("putEvict")).singleElement()
                .satisfies(run -> assertThat(run.contenders()).doesNotContain(Contender.CONCURRENT_HASH_MAP,
                        Contender.ARENA_ZERO_COPY));
    }

    @Test
    void theFullRunIsEstimatedToFinishWithinAboutAnHourAndAQuarter() {
        RunEstimate.Estimate full = RunEstimate.of(SuiteMode.FULL, Set.of("jmh", "footprint", "gc", "hitratio"), ALL);
        RunEstimate.Estimate quick = RunEstimate.of(SuiteMode.QUICK, Set.of("jmh", "footprint", "gc", "hitratio"),
                ALL);

        assertThat(full.totalSeconds() / 60).isBetween(30.0, 75.0);
        assertThat(quick.totalSeconds()).isLessThan(full.totalSeconds() / 3);
        assertThat(full.describe()).contains("208 forks");
        assertThat(RunEstimate.of(SuiteMode.FULL, Set.of("gc"), ALL).jmhForks()).isZero();
    }
}
