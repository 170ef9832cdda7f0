package io.quarkiverse.arenacache.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.annotations.Mode;

import io.quarkiverse.arenacache.benchmarks.contenders.Contender;
import io.quarkiverse.arenacache.benchmarks.jmh.EvictionBenchmark;
import io.quarkiverse.arenacache.benchmarks.jmh.GetPutBenchmark;

/**
 * The JMH invocations of a suite run, listed before running so the same list drives both the run and its time
 * estimate. Throughput covers every workload; sample time covers {@code getHit} (its p50/p99/p99.9 are the latency
 * numbers the issue asks for), at every thread count. JMH forks once per benchmark method, parameter combination,
 * mode and thread count, so no populated fork can be shared between them: each fork populates its own cache.
 */
record JmhPlan(List<Invocation> invocations) {

    /** One JMH run: a benchmark regex over the contenders × entries × value sizes, at one thread count and mode. */
    record Invocation(String include, int methods, List<Contender> contenders, List<Integer> entries,
            List<Integer> valueSizes, int threads, Mode mode) {

        /** @return how many forks JMH starts for this invocation */
        int forks() {
            return methods * contenders.size() * entries.size() * valueSizes.size();
        }
    }

    static JmhPlan of(SuiteMode mode, List<Contender> available) {
        List<Contender> evictContenders = available.stream().filter(Contender::bounded)
                .filter(c -> c != Contender.ARENA_ZERO_COPY).toList();
        String getPut = GetPutBenchmark.class.getSimpleName();
        String evict = EvictionBenchmark.class.getSimpleName();
        List<Invocation> invocations = new ArrayList<>();
        for (int threads : mode.threads) {
            invocations.add(new Invocation(getPut + "\\.(getHit|get75put25)$", 2, available, mode.entries,
                    mode.valueSizes, threads, Mode.Throughput));
            invocations.add(new Invocation(evict + "\\.(putEvict|getOrLoadMiss)$", 2, evictContenders,
                    mode.entries, mode.valueSizes, threads, Mode.Throughput));
            invocations.add(new Invocation(getPut + "\\.(getHit)$", 1, available, mode.entries, mode.valueSizes,
                    threads, Mode.SampleTime));
        }
        return new JmhPlan(List.copyOf(invocations));
    }

    int forks() {
        return invocations.stream().mapToInt(Invocation::forks).sum();
    }
}
