package io.quarkiverse.arenacache.benchmarks.simulation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Replays the LIRS traces through arena-cache, Caffeine (two builds) and LRU at several cache sizes (fractions of
 * each trace's distinct keys) and writes one CSV row per trace, size and policy.
 */
public final class HitRatioSimulation {

    /** Cache sizes as fractions of a trace's distinct keys. */
    static final double[] SIZE_FRACTIONS = { 0.05, 0.10, 0.25, 0.50, 0.75 };
    /** How often (in accesses) the resident entry count is sampled to report the mean occupancy. */
    private static final int RESIDENT_SAMPLE_EVERY = 64;

    private HitRatioSimulation() {
    }

    /** A replay's outcome. */
    public record Row(String trace, int accesses, int distinct, int capacity, String policy, double hitRatio,
            double meanResident) {

        public String csv() {
            return String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%.6f,%.1f", trace, accesses, distinct, capacity,
                    policy, hitRatio, meanResident);
        }
    }

    public static final String CSV_HEADER = "trace,accesses,distinct,capacity,policy,hitRatio,meanResident";

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "target/benchmark-results/hit-ratio.csv");
        List<String> traces = args.length > 1 ? List.of(args[1].split(",")) : LirsTraces.NAMES;
        List<String> policies = args.length > 2 ? List.of(args[2].split(",")) : POLICIES;
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output))) {
            out.println(CSV_HEADER);
            for (String trace : traces) {
                for (Row row : simulate(trace, policies)) {
                    out.println(row.csv());
                    System.out.println(row.csv());
                }
                out.flush();
            }
        }
    }

    /** Caffeine built with {@code initialCapacity} too (see {@link CaffeinePolicy#sized}), by report name. */
    public static final String CAFFEINE_SIZED = "Caffeine (initialCapacity)";

    /** The policies compared, by report name. */
    public static final List<String> POLICIES = List.of("arena-cache", "Caffeine", CAFFEINE_SIZED, "LRU");

    /** @return the rows of one trace: every size, each of {@code policies} */
    public static List<Row> simulate(String traceName, List<String> policies) {
        long[] trace = LirsTraces.load(traceName);
        int distinct = LirsTraces.distinct(trace);
        List<Row> rows = new ArrayList<>();
        for (double fraction : SIZE_FRACTIONS) {
            int capacity = Math.max(8, (int) Math.round(distinct * fraction));
            for (String policy : policies) {
                rows.add(replay(traceName, trace, distinct, capacity, policy, factory(policy)));
            }
        }
        return rows;
    }

    static IntFunction<ReplayPolicy> factory(String policy) {
        return switch (policy) {
            case "arena-cache" -> ArenaPolicy::new;
            case "Caffeine" -> CaffeinePolicy::byDefault;
            case CAFFEINE_SIZED -> CaffeinePolicy::sized;
            case "LRU" -> LruPolicy::new;
            default -> throw new IllegalArgumentException("unknown policy '" + policy + "'; known: " + POLICIES);
        };
    }

    static Row replay(String traceName, long[] trace, int distinct, int capacity, String policyName,
            IntFunction<ReplayPolicy> factory) {
        long hits = 0;
        double residentSum = 0;
        long residentSamples = 0;
        try (ReplayPolicy policy = factory.apply(capacity)) {
            for (int i = 0; i < trace.length; i++) {
                if (policy.access(trace[i])) {
                    hits++;
                }
                if (i % RESIDENT_SAMPLE_EVERY == RESIDENT_SAMPLE_EVERY - 1) {
                    residentSum += policy.resident();
                    residentSamples++;
                }
            }
        }
        double meanResident = residentSamples == 0 ? 0 : residentSum / residentSamples;
        return new Row(traceName, trace.length, distinct, capacity, policyName, (double) hits / trace.length,
                meanResident);
    }
}
