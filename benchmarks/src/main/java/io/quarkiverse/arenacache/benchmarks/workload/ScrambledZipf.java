package io.quarkiverse.arenacache.benchmarks.workload;

import java.util.SplittableRandom;

/**
 * Keys in {@code [0, items)} drawn from a Zipf distribution (skew 0.99, as YCSB and Caffeine's benchmarks use) whose
 * popular ranks are scattered over the key space by a hash, so hot keys are not neighbours in memory. The sampling
 * follows Gray et al., "Quickly Generating Billion-Record Synthetic Databases" (SIGMOD 1994).
 */
public final class ScrambledZipf {

    public static final double DEFAULT_SKEW = 0.99;

    private final long items;
    private final double skew;
    private final double alpha;
    private final double zetaN;
    private final double eta;
    private final double halfPowSkew;
    private final SplittableRandom random;

    public ScrambledZipf(long items, double skew, long seed) {
        if (items < 2) {
            throw new IllegalArgumentException("items must be at least 2, was " + items);
        }
        if (!(skew > 0 && skew < 1)) {
            throw new IllegalArgumentException("skew must be in (0, 1), was " + skew);
        }
        this.items = items;
        this.skew = skew;
        this.alpha = 1.0 / (1.0 - skew);
        this.zetaN = zeta(items, skew);
        double zeta2 = zeta(2, skew);
        this.eta = (1 - Math.pow(2.0 / items, 1 - skew)) / (1 - zeta2 / zetaN);
        this.halfPowSkew = Math.pow(0.5, skew);
        this.random = new SplittableRandom(seed);
    }

    public ScrambledZipf(long items, long seed) {
        this(items, DEFAULT_SKEW, seed);
    }

    /** @return the next key: a Zipf rank, scrambled into {@code [0, items)} */
    public long next() {
        return Math.floorMod(mix(nextRank() + 0x9E3779B97F4A7C15L), items);
    }

    /** @return {@code count} keys drawn in order */
    public long[] draw(int count) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = next();
        }
        return keys;
    }

    long nextRank() {
        double u = random.nextDouble();
        double uz = u * zetaN;
        if (uz < 1.0) {
            return 0;
        }
        if (uz < 1.0 + halfPowSkew) {
            return 1;
        }
        return Math.min(items - 1, (long) (items * Math.pow(eta * u - eta + 1, alpha)));
    }

    private static double zeta(long n, double skew) {
        double sum = 0;
        for (long i = 1; i <= n; i++) {
            sum += 1.0 / Math.pow(i, skew);
        }
        return sum;
    }

    /**
     * A bijective 64-bit mixer (the finalizer of SplitMix64), so distinct ranks stay distinct before the modulo; the
     * caller offsets the rank first because the finalizer maps 0 to 0.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "ScrambledZipf[items=" + items + ", skew=" + skew + "]";
    }
}
