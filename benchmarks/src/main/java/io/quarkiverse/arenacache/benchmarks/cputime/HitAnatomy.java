package io.quarkiverse.arenacache.benchmarks.cputime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheBuilder;
import io.quarkiverse.arenacache.ValueReader;
import io.quarkiverse.arenacache.benchmarks.contenders.ArenaSizing;
import io.quarkiverse.arenacache.benchmarks.contenders.CacheSpec;
import io.quarkiverse.arenacache.benchmarks.workload.ScrambledZipf;
import io.quarkiverse.arenacache.benchmarks.workload.Values;

/**
 * Where the time of an arena-cache hit goes: the {@link HitCpuTime} loop (64-byte values, scrambled Zipf keys, thread
 * CPU time) run with readers that touch more and more of the stored value, from none of it to the object API's
 * copy into a new array. Each step differs from the one before in one thing, so the differences between steps are
 * the costs of those things; the steps are interleaved over several passes, so a drift of the machine moves them all.
 * <p>
 * Usage: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/arena-cache-benchmarks.jar
 * io.quarkiverse.arenacache.benchmarks.cputime.HitAnatomy ENTRIES [PASSES]}; prints, per step, the minimum, 25th
 * percentile and median ns per get over all its rounds.
 */
public final class HitAnatomy {

    static final int VALUE_SIZE = 64;
    private static final int KEY_COUNT = 1 << 20;

    /** One way of consuming a hit; {@code reader} null means the object API's {@link ArenaCache#get}. */
    record Step(String name, ValueReader<Object> reader) {
    }

    /** A step's ns per get over its measured rounds. */
    record Timing(String step, double min, double p25, double median, long misses) {
    }

    /** Reused by the allocation-free copy: this tool times one thread. */
    private static final byte[] REUSED = new byte[VALUE_SIZE];

    /** The steps, each touching one more thing than the one before (the allocation-only step stands apart). */
    static final List<Step> STEPS = List.of(
            new Step("index slot only", (segment, offset, length) -> Boolean.TRUE),
            new Step("+ value's first 8 bytes", (segment, offset, length) -> answer(segment.get(JAVA_LONG_UNALIGNED,
                    offset))),
            new Step("+ value's last 8 bytes", (segment, offset, length) -> answer(
                    segment.get(JAVA_LONG_UNALIGNED, offset) ^ segment.get(JAVA_LONG_UNALIGNED, offset + length - 8))),
            new Step("every 8 bytes of the value", HitAnatomy::xorOfWords),
            new Step("copy into one reused array", (segment, offset, length) -> {
                MemorySegment.copy(segment, JAVA_BYTE, offset, REUSED, 0, length);
                return REUSED;
            }),
            new Step("copy into a new array", (segment, offset, length) -> {
                byte[] copy = new byte[length];
                MemorySegment.copy(segment, JAVA_BYTE, offset, copy, 0, length);
                return copy;
            }),
            new Step("get (object API)", null),
            new Step("new array, value not read", (segment, offset, length) -> {
                byte[] filled = new byte[length];
                Arrays.fill(filled, (byte) 7);
                return filled;
            }));

    private HitAnatomy() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: HitAnatomy ENTRIES [PASSES]");
        }
        int entries = Integer.parseInt(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int ops = entries > 100_000 ? 1_000_000 : 2_000_000;
        System.out.printf(Locale.ROOT, "%d entries, %d-byte values, %d passes of 5 warm-up and 7 measured rounds of "
                + "%d gets per step%n", entries, VALUE_SIZE, passes, ops);
        for (Timing timing : measure(entries, passes, 5, 7, ops)) {
            System.out.printf(Locale.ROOT, "%-28s min %7.1f  p25 %7.1f  median %7.1f ns/get%s%n", timing.step(),
                    timing.min(), timing.p25(), timing.median(),
                    timing.misses() == 0 ? "" : " (" + timing.misses() + " misses!)");
        }
    }

    /** Fills a cache with keys {@code 0 .. entries-1} and times every step; a step with misses says so. */
    static List<Timing> measure(int entries, int passes, int warmupRounds, int rounds, int opsPerRound) {
        long[] drawn = new ScrambledZipf(entries, 0x5eed).draw(KEY_COUNT);
        Long[] keys = new Long[KEY_COUNT];
        for (int i = 0; i < KEY_COUNT; i++) {
            keys[i] = drawn[i];
        }
        CacheSpec spec = new CacheSpec(entries, VALUE_SIZE);
        try (ArenaCache<Long, byte[]> cache = ArenaSizing.builderFor(spec, ArenaCacheBuilder.DEFAULT_SHARDS).build()) {
            for (long key = 0; key < entries; key++) {
                cache.put(key, Values.forKey(key, VALUE_SIZE));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[][] nanos = new double[STEPS.size()][passes * rounds];
            long[] misses = new long[STEPS.size()];
            int cursor = 12345;
            for (int pass = 0; pass < passes; pass++) {
                for (int s = 0; s < STEPS.size(); s++) {
                    ValueReader<Object> reader = STEPS.get(s).reader();
                    for (int round = 0; round < warmupRounds + rounds; round++) {
                        long start = threads.getCurrentThreadCpuTime();
                        long missed = 0;
                        for (int i = 0; i < opsPerRound; i++) {
                            Long key = keys[cursor++ & (KEY_COUNT - 1)];
                            Object hit = reader == null ? cache.get(key) : cache.read(key, reader);
                            if (hit == null) {
                                missed++;
                            }
                        }
                        long elapsed = threads.getCurrentThreadCpuTime() - start;
                        if (round >= warmupRounds) {
                            nanos[s][pass * rounds + round - warmupRounds] = (double) elapsed / opsPerRound;
                            misses[s] += missed;
                        }
                    }
                }
            }
            List<Timing> timings = new ArrayList<>();
            for (int s = 0; s < STEPS.size(); s++) {
                double[] sorted = nanos[s].clone();
                Arrays.sort(sorted);
                timings.add(new Timing(STEPS.get(s).name(), sorted[0], sorted[sorted.length / 4],
                        sorted[sorted.length / 2], misses[s]));
            }
            return timings;
        }
    }

    private static Object xorOfWords(MemorySegment segment, long offset, int length) {
        long xor = 0;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            xor ^= segment.get(JAVA_LONG_UNALIGNED, offset + i);
        }
        for (; i < length; i++) {
            xor ^= segment.get(JAVA_BYTE, offset + i);
        }
        return answer(xor);
    }

    /** A canonical answer that depends on what was read, so the JIT cannot drop the read; allocates nothing. */
    private static Boolean answer(long read) {
        return read != Long.MIN_VALUE ? Boolean.TRUE : Boolean.FALSE;
    }
}
