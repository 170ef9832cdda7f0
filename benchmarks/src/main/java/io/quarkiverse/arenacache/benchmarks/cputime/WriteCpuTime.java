package io.quarkiverse.arenacache.benchmarks.cputime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.quarkiverse.arenacache.benchmarks.contenders.CacheContender;
import io.quarkiverse.arenacache.benchmarks.contenders.CacheSpec;
import io.quarkiverse.arenacache.benchmarks.contenders.Contender;
import io.quarkiverse.arenacache.benchmarks.workload.PopulatedCache;
import io.quarkiverse.arenacache.benchmarks.workload.ScrambledZipf;
import io.quarkiverse.arenacache.benchmarks.workload.Values;

/**
 * {@link HitCpuTime}'s companion for the write workloads, timed in thread CPU time so that two builds of one cache
 * can be compared on a shared machine: {@code get75put25} (every 4th operation overwrites a populated key, the rest
 * read, keys from the same scrambled Zipf distribution as {@code GetPutBenchmark}), {@code putEvict} (every
 * operation puts a key never seen before into the full cache, as {@code EvictionBenchmark}) and
 * {@code getOrLoadMiss} (every operation loads a key never seen before through {@code getOrLoad}, as
 * {@code EvictionBenchmark}'s). 64-byte values from a pool of 1 024, one thread; work a cache hands to other threads
 * is not counted.
 * <p>
 * Usage: {@code java -cp benchmarks/target/arena-cache-benchmarks.jar
 * io.quarkiverse.arenacache.benchmarks.cputime.WriteCpuTime WORKLOAD CONTENDER ENTRIES [ROUNDS] [OPS_PER_ROUND]};
 * prints the minimum, 25th percentile and median ns per operation over the rounds (after 5 warm-up rounds).
 */
public final class WriteCpuTime {

    private static final int KEY_COUNT = 1 << 20;
    private static final int VALUE_POOL = 1 << 10;
    private static final int WARMUP_ROUNDS = 5;
    private static final int VALUE_SIZE = 64;
    private static final List<String> WORKLOADS = List.of("get75put25", "putEvict", "getOrLoadMiss");

    private WriteCpuTime() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || !WORKLOADS.contains(args[0])) {
            throw new IllegalArgumentException("usage: WriteCpuTime " + String.join("|", WORKLOADS)
                    + " CONTENDER ENTRIES [ROUNDS] [OPS_PER_ROUND]");
        }
        boolean mixed = args[0].equals("get75put25");
        boolean load = args[0].equals("getOrLoadMiss");
        Contender contender = Contender.parse(args[1]);
        int entries = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 11;
        int ops = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
        long[] drawn = new ScrambledZipf(entries, 0x5eed).draw(KEY_COUNT);
        Long[] keys = new Long[KEY_COUNT];
        for (int i = 0; i < KEY_COUNT; i++) {
            keys[i] = drawn[i];
        }
        byte[][] values = new byte[VALUE_POOL][];
        for (int i = 0; i < VALUE_POOL; i++) {
            values[i] = Values.forKey(i, VALUE_SIZE);
        }
        try (CacheContender cache = PopulatedCache.open(contender, new CacheSpec(entries, VALUE_SIZE)).cache()) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] nanosPerOp = new double[rounds];
            int cursor = 12345;
            long freshKey = 1L << 40;
            long misses = 0;
            for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    int index = cursor++;
                    if (load) {
                        byte[] value = values[index & (VALUE_POOL - 1)];
                        cache.getOrLoad(freshKey++, key -> value);
                    } else if (!mixed) {
                        cache.put(freshKey++, values[index & (VALUE_POOL - 1)]);
                    } else if ((index & 3) == 0) {
                        cache.put(keys[index & (KEY_COUNT - 1)], values[index & (VALUE_POOL - 1)]);
                    } else if (cache.get(keys[index & (KEY_COUNT - 1)]) == null) {
                        misses++;
                    }
                }
                long elapsed = threads.getCurrentThreadCpuTime() - start;
                if (round >= WARMUP_ROUNDS) {
                    nanosPerOp[round - WARMUP_ROUNDS] = (double) elapsed / ops;
                }
            }
            Arrays.sort(nanosPerOp);
            System.out.printf(Locale.ROOT,
                    "%-10s %-16s %8d entries: min %7.2f p25 %7.2f median %7.2f ns/op (get misses %d)%n", args[0],
                    contender, entries, nanosPerOp[0], nanosPerOp[rounds / 4], nanosPerOp[rounds / 2], misses);
        }
    }
}
