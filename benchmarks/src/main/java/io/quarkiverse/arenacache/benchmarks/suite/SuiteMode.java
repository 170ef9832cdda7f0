package io.quarkiverse.arenacache.benchmarks.suite;

import java.util.List;

/**
 * How much of the matrix a suite run covers. QUICK finishes in minutes and is for checking and for runs on a busy
 * machine; FULL covers every parameter of the issue and is what published numbers come from.
 */
public enum SuiteMode {
    QUICK(List.of(16384, 4194304), List.of(64), List.of(1), 1, 1, 3, 1,
            200_000L, 256L << 20, 2, 20),
    FULL(List.of(16384, 4194304), List.of(64, 1024), List.of(1, 2), 3, 2, 5, 2,
            1_000_000L, 4L << 30, 8, 60);

    final List<Integer> entries;
    final List<Integer> valueSizes;
    final List<Integer> threads;
    final int warmupIterations;
    final int iterationSeconds;
    final int measurementIterations;
    /** Sample-time runs: QUICK samples get-hit only at 1 thread; FULL samples every workload. */
    final int sampleCoverage;
    final long footprintEntries;
    final long gcDataBytes;
    final int gcHeapGigabytes;
    final int gcSeconds;

    SuiteMode(List<Integer> entries, List<Integer> valueSizes, List<Integer> threads, int warmupIterations,
            int iterationSeconds, int measurementIterations, int sampleCoverage, long footprintEntries,
            long gcDataBytes, int gcHeapGigabytes, int gcSeconds) {
        this.entries = entries;
        this.valueSizes = valueSizes;
        this.threads = threads;
        this.warmupIterations = warmupIterations;
        this.iterationSeconds = iterationSeconds;
        this.measurementIterations = measurementIterations;
        this.sampleCoverage = sampleCoverage;
        this.footprintEntries = footprintEntries;
        this.gcDataBytes = gcDataBytes;
        this.gcHeapGigabytes = gcHeapGigabytes;
        this.gcSeconds = gcSeconds;
    }
}
