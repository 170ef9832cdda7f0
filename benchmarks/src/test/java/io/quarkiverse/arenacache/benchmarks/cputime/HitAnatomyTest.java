package io.quarkiverse.arenacache.benchmarks.cputime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.benchmarks.cputime.HitAnatomy.Step;
import io.quarkiverse.arenacache.benchmarks.cputime.HitAnatomy.Timing;
import io.quarkiverse.arenacache.benchmarks.workload.Values;

class HitAnatomyTest {

    @Test
    void everyStepConsumesTheStoredValueAsItsNameSays() {
        byte[] value = Values.forKey(42, HitAnatomy.VALUE_SIZE);
        byte[] stored = new byte[16 + value.length];
        System.arraycopy(value, 0, stored, 16, value.length);
        MemorySegment segment = MemorySegment.ofArray(stored);
        for (Step step : HitAnatomy.STEPS) {
            if (step.reader() == null) {
                continue; // the object API's get: exercised by the measurement below
            }
            Object answer = step.reader().read(segment, 16, value.length);
            if (step.name().startsWith("copy")) {
                assertThat(answer).as(step.name()).isEqualTo(value);
            } else if (step.name().startsWith("new array")) {
                assertThat((byte[]) answer).as(step.name()).hasSize(value.length).containsOnly(7);
            } else {
                assertThat(answer).as(step.name()).isEqualTo(Boolean.TRUE);
            }
        }
        assertThat(HitAnatomy.STEPS.stream().filter(step -> step.reader() == null)).hasSize(1);
    }

    @Test
    void measuresEveryStepOnHitsOnly() {
        List<Timing> timings = HitAnatomy.measure(2048, 1, 1, 2, 5_000);

        assertThat(timings).extracting(Timing::step)
                .containsExactlyElementsOf(HitAnatomy.STEPS.stream().map(Step::name).toList());
        assertThat(timings).allSatisfy(timing -> {
            assertThat(timing.misses()).as(timing.step()).isZero();
            assertThat(timing.min()).as(timing.step()).isPositive().isLessThanOrEqualTo(timing.median());
        });
    }
}
