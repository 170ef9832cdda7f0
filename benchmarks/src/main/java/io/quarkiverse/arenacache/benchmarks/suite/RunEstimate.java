package io.quarkiverse.arenacache.benchmarks.suite;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.arenacache.benchmarks.contenders.Contender;

/**
 * Predicts how long a suite run takes from the same plan the run executes: JMH forks × (fork start and teardown +
 * populating the contender's cache + warmup and measured iterations), plus the footprint, GC-impact and hit-ratio
 * child runs. The per-entry populate costs were measured on the 2-core machine the published numbers come from
 * (Xeon, JDK 25, load average about 4), filling 4194304 entries in a fresh fork with the benchmarks' JVM flags; on
 * another machine the estimate is only an order of magnitude.
 */
final class RunEstimate {

    /** JVM start (with a pre-touched 2 GiB heap), JMH's own set-up, key drawing, teardown and exit. */
    static final double FORK_FIXED_SECONDS = 4.0;
    /** JMH's bookkeeping between iterations. */
    static final double ITERATION_OVERHEAD_SECONDS = 0.05;
    /** A footprint child: start, two class histograms and eight explicit full collections (of a small heap). */
    static final double FOOTPRINT_FIXED_SECONDS = 2.0;
    /** A GC-impact child: start, key drawing, the explicit collection after the fill, joining and closing. */
    static final double GC_FIXED_SECONDS = 5.0;
    /** The hit-ratio replays of all ten traces (independent of the mode; measured 5 to 10 s). */
    static final double HIT_RATIO_SECONDS = 15.0;

    /** Nanoseconds to fill one entry of a 64-byte value and of a 1 KiB value, measured at 4194304 entries. */
    private static final Map<Contender, double[]> POPULATE_NANOS = new EnumMap<>(Contender.class);

    static {
        POPULATE_NANOS.put(Contender.ARENA, new double[] { 700, 3200 });
        POPULATE_NANOS.put(Contender.ARENA_ZERO_COPY, new double[] { 700, 3200 });
        POPULATE_NANOS.put(Contender.CAFFEINE, new double[] { 1200, 4200 });
        POPULATE_NANOS.put(Contender.OHC, new double[] { 500, 2500 });
        POPULATE_NANOS.put(Contender.EHCACHE_OFFHEAP, new double[] { 1300, 4300 });
        POPULATE_NANOS.put(Contender.CONCURRENT_HASH_MAP, new double[] { 200, 1800 });
    }

    /** The estimate of one run, per part, in seconds. */
    record Estimate(int jmhForks, double jmhSeconds, double footprintSeconds, double gcSeconds,
            double hitRatioSeconds) {

        double totalSeconds() {
            return jmhSeconds + footprintSeconds + gcSeconds + hitRatioSeconds;
        }

        String describe() {
            return String.format(Locale.ROOT, "~%.0f min in all (JMH: %d forks, ~%.0f min; footprint ~%.1f min;"
                    + " GC impact ~%.1f min; hit ratio ~%.1f min), estimated from populate costs measured on a"
                    + " 2-core machine", totalSeconds() / 60, jmhForks, jmhSeconds / 60, footprintSeconds / 60,
                    gcSeconds / 60, hitRatioSeconds / 60);
        }
    }

    private RunEstimate() {
    }

    static Estimate of(SuiteMode mode, Set<String> parts, List<Contender> contenders) {
        double jmh = 0;
        int forks = 0;
        if (parts.contains("jmh")) {
            JmhPlan plan = JmhPlan.of(mode, contenders);
            forks = plan.forks();
            double iterations = (mode.warmupIterations + mode.measurementIterations)
                    * (mode.iterationSeconds + ITERATION_OVERHEAD_SECONDS);
            for (JmhPlan.Invocation run : plan.invocations()) {
                for (Contender contender : run.contenders()) {
                    for (int entries : run.entries()) {
                        for (int valueSize : run.valueSizes()) {
                            jmh += run.methods() * (FORK_FIXED_SECONDS + iterations
                                    + populateSeconds(contender, entries, valueSize));
                        }
                    }
                }
            }
        }
        double footprint = 0;
        if (parts.contains("footprint")) {
            for (int valueSize : BenchmarkSuite.FOOTPRINT_VALUE_SIZES) {
                for (Contender contender : BenchmarkSuite.footprintContenders(contenders)) {
                    footprint += FOOTPRINT_FIXED_SECONDS
                            // the fill, plus the full collections over what it filled
                            + 2 * populateSeconds(contender, mode.footprintEntries, valueSize);
                }
            }
        }
        double gc = 0;
        if (parts.contains("gc")) {
            long entries = mode.gcDataBytes / BenchmarkSuite.GC_VALUE_SIZE;
            for (Contender contender : BenchmarkSuite.gcContenders(contenders)) {
                gc += GC_FIXED_SECONDS + populateSeconds(contender, entries, BenchmarkSuite.GC_VALUE_SIZE)
                        + mode.gcWarmupSeconds + mode.gcSeconds;
            }
        }
        return new Estimate(forks, jmh, footprint, gc, parts.contains("hitratio") ? HIT_RATIO_SECONDS : 0);
    }

    /** @return seconds to fill {@code entries} values of {@code valueSize} bytes, interpolated in the value size */
    static double populateSeconds(Contender contender, long entries, int valueSize) {
        double[] nanos = POPULATE_NANOS.get(contender);
        double perEntry = nanos[0] + (nanos[1] - nanos[0]) * (valueSize - 64) / (1024.0 - 64);
        return entries * Math.max(nanos[0], perEntry) / 1e9;
    }
}
