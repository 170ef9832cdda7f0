package io.quarkiverse.arenacache.benchmarks.cputime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import io.quarkiverse.arenacache.benchmarks.contenders.CacheContender;
import io.quarkiverse.arenacache.benchmarks.contenders.CacheSpec;
import io.quarkiverse.arenacache.benchmarks.contenders.Contender;
import io.quarkiverse.arenacache.benchmarks.workload.PopulatedCache;
import io.quarkiverse.arenacache.benchmarks.workload.ScrambledZipf;

/**
 * A get-hit loop timed in <em>thread CPU time</em> rather than wall-clock time: on a machine shared with other
 * processes, time the thread spent descheduled does not count, so comparing two engine builds (or variants) one
 * after the other is far steadier than JMH throughput (a few percent between runs instead of ±15 % and more). It
 * measures the caller's thread only: work a cache does on other threads (Caffeine's maintenance) is not seen, so use
 * it to compare builds of one cache, and JMH to compare caches. Same workload as {@code GetPutBenchmark.getHit}:
 * 64-byte values, keys drawn from a scrambled Zipf distribution over the populated keys.
 * <p>
 * Usage: {@code java -cp benchmarks/target/arena-cache-benchmarks.jar
 * io.quarkiverse.arenacache.benchmarks.cputime.HitCpuTime CONTENDER ENTRIES [ROUNDS] [OPS_PER_ROUND]}; prints
 * the minimum, 25th percentile and median ns per get over the rounds (after 5 warm-up rounds).
 */
public final class HitCpuTime {

    private static final int KEY_COUNT = 1 << 20;
    private static final int WARMUP_ROUNDS = 5;
    private static final int VALUE_SIZE = 64;

    private HitCpuTime() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: HitCpuTime CONTENDER ENTRIES [ROUNDS] [OPS_PER_ROUND]");
        }
        Contender contender = Contender.parse(args[0]);
        int entries = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        int ops = args.length > 3 ? Integer.parseInt(args[3]) : entries > 100_000 ? 1_000_000 : 2_000_000;
        long[] drawn = new ScrambledZipf(entries, 0x5eed).draw(KEY_COUNT);
        Long[] keys = new Long[KEY_COUNT];
        for (int i = 0; i < KEY_COUNT; i++) {
            keys[i] = drawn[i];
        }
        try (CacheContender cache = PopulatedCache.open(contender, new CacheSpec(entries, VALUE_SIZE)).cache()) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] nanosPerGet = new double[rounds];
            int cursor = 12345;
            long misses = 0;
            for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    if (cache.get(keys[cursor++ & (KEY_COUNT - 1)]) == null) {
                        misses++;
                    }
                }
                long elapsed = threads.getCurrentThreadCpuTime() - start;
                if (round >= WARMUP_ROUNDS) {
                    nanosPerGet[round - WARMUP_ROUNDS] = (double) elapsed / ops;
                }
            }
            Arrays.sort(nanosPerGet);
            System.out.printf(Locale.ROOT, "%-16s %8d entries: min %6.2f p25 %6.2f median %6.2f ns/get (misses %d)%n",
                    contender, entries, nanosPerGet[0], nanosPerGet[rounds / 4], nanosPerGet[rounds / 2], misses);
        }
    }
}
