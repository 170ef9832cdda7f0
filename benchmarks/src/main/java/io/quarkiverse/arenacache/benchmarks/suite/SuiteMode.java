package io.quarkiverse.arenacache.benchmarks.suite;

import java.util.List;

/**
 * How much of the matrix a suite run covers. QUICK finishes in minutes and is for checking and for runs on a busy
 * machine; FULL covers every parameter of the issue and is what published numbers come from (about an hour on 2
 * cores: see {@link RunEstimate}). Both sample latencies (JMH sample time) on {@code getHit} at every entry count,
 * value size and thread count of the mode; throughput covers all four workloads.
 */
public enum SuiteMode {
    QUICK(List.of(16384, 4194304), List.of(64), List.of(1), 1, 3, 1,
            200_000L, 256L << 20, 2, 5, 20),
    /**
     * 1 s iterations (3 warmup, 5 measured) keep the 208 forks of the full matrix near an hour: a fork's fixed cost
     * (JVM start, populating up to 4M × 1 KiB, teardown) is 3 to 25 s, so longer iterations would double the run.
     */
    FULL(List.of(16384, 4194304), List.of(64, 1024), List.of(1, 2), 3, 5, 1,
            1_000_000L, 4L << 30, 8, 15, 60);

    final List<Integer> entries;
    final List<Integer> valueSizes;
    final List<Integer> threads;
    final int warmupIterations;
    final int measurementIterations;
    final int iterationSeconds;
    final long footprintEntries;
    final long gcDataBytes;
    final int gcHeapGigabytes;
    /** Seconds the GC-impact threads run before the measured window opens. */
    final int gcWarmupSeconds;
    final int gcSeconds;

    SuiteMode(List<Integer> entries, List<Integer> valueSizes, List<Integer> threads, int warmupIterations,
            int measurementIterations, int iterationSeconds, long footprintEntries, long gcDataBytes,
            int gcHeapGigabytes, int gcWarmupSeconds, int gcSeconds) {
        this.entries = entries;
        this.valueSizes = valueSizes;
        this.threads = threads;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
        this.iterationSeconds = iterationSeconds;
        this.footprintEntries = footprintEntries;
        this.gcDataBytes = gcDataBytes;
        this.gcHeapGigabytes = gcHeapGigabytes;
        this.gcWarmupSeconds = gcWarmupSeconds;
        this.gcSeconds = gcSeconds;
    }
}
