package io.quarkiverse.arenacache.benchmarks.jmh;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.quarkiverse.arenacache.benchmarks.contenders.CacheContender;
import io.quarkiverse.arenacache.benchmarks.workload.PopulatedCache;

/**
 * Reads (and 25% overwrites) on a populated cache, in the style of Caffeine's GetPutBenchmark: keys pre-drawn from a
 * scrambled Zipf distribution over exactly the populated keys, each thread walking them from its own random offset.
 * {@code getHit} should hit every time; the teardown prints the residency measured afterwards so a run that
 * measured misses is visible in the log.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx8g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow" })
public class GetPutBenchmark {

    @Param({ "ARENA", "ARENA_ZERO_COPY", "CAFFEINE", "OHC", "EHCACHE_OFFHEAP", "CONCURRENT_HASH_MAP" })
    public String contender;

    @Param({ "16384", "4194304" })
    public int entries;

    @Param({ "64", "1024" })
    public int valueSize;

    private CacheContender cache;
    private Long[] keys;
    private byte[][] values;

    /** Each thread's own position in the shared key array. */
    @State(Scope.Thread)
    public static class Cursor {
        int index = ThreadLocalRandom.current().nextInt();
    }

    @Setup(Level.Trial)
    public void populate() {
        keys = BenchmarkData.zipfKeys(entries, 0x5eed);
        values = BenchmarkData.valuePool(valueSize);
        cache = BenchmarkData.openPopulated(contender, entries, valueSize);
    }

    @TearDown(Level.Trial)
    public void close() {
        System.out.printf("%n[teardown] %s residency after the run %.4f%n", cache.name(),
                PopulatedCache.residency(cache, entries));
        cache.close();
    }

    @Benchmark
    public Object getHit(Cursor cursor) {
        return cache.get(keys[cursor.index++ & BenchmarkData.KEY_MASK]);
    }

    @Benchmark
    public Object get75put25(Cursor cursor) {
        int index = cursor.index++;
        Long key = keys[index & BenchmarkData.KEY_MASK];
        if ((index & 3) == 0) {
            cache.put(key, values[index & BenchmarkData.VALUE_MASK]);
            return key;
        }
        return cache.get(key);
    }
}
