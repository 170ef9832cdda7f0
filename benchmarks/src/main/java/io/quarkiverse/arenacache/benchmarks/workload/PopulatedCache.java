package io.quarkiverse.arenacache.benchmarks.workload;

import io.quarkiverse.arenacache.benchmarks.contenders.CacheContender;
import io.quarkiverse.arenacache.benchmarks.contenders.CacheSpec;
import io.quarkiverse.arenacache.benchmarks.contenders.Contender;

/**
 * Opens a contender and fills it with keys {@code 0 .. entries-1}, each with its own value array, then checks that
 * the cache really holds them: a get-hit benchmark that silently measured misses would be worthless. A byte-budgeted
 * cache whose overhead estimate was too low is reopened with a larger budget (at most a few times); the final
 * {@link CacheSpec#slack()} is part of what the reports show.
 */
public final class PopulatedCache {

    /** The share of populated keys that must hit afterwards. */
    public static final double REQUIRED_RESIDENCY = 0.99;
    private static final int MAX_ATTEMPTS = 4;
    private static final int SAMPLE = 4096;

    private PopulatedCache() {
    }

    /** @return the opened, filled and verified cache together with the spec it was finally opened with */
    public static Opened open(Contender contender, CacheSpec spec) {
        CacheSpec attempt = spec;
        double residency = 0;
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            CacheContender cache = contender.open(attempt);
            fill(cache, attempt.entries(), attempt.valueSize());
            residency = residency(cache, attempt.entries());
            if (residency >= REQUIRED_RESIDENCY) {
                return new Opened(cache, attempt, residency);
            }
            cache.close();
            if (!contender.byteBudgeted()) {
                break;
            }
            attempt = attempt.withMoreSlack(1.5);
        }
        throw new IllegalStateException(contender + " holds only " + Math.round(residency * 1000) / 10.0 + "% of "
                + spec.entries() + " populated entries even with budget slack " + attempt.slack());
    }

    /** Puts keys {@code 0 .. entries-1}, each with its own freshly built value. */
    public static void fill(CacheContender cache, long entries, int valueSize) {
        for (long key = 0; key < entries; key++) {
            cache.put(key, Values.forKey(key, valueSize));
        }
    }

    /** @return the share of a spread sample of keys {@code 0 .. entries-1} that hit */
    public static double residency(CacheContender cache, long entries) {
        long step = Math.max(1, entries / SAMPLE);
        long probes = 0;
        long hits = 0;
        for (long key = 0; key < entries; key += step) {
            probes++;
            if (cache.get(key) != null) {
                hits++;
            }
        }
        return (double) hits / probes;
    }

    /** A populated cache and the spec (with its final budget slack) it was opened with. */
    public record Opened(CacheContender cache, CacheSpec spec, double residency) {
    }
}
