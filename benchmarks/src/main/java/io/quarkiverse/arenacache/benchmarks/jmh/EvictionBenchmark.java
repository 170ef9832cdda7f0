package io.quarkiverse.arenacache.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

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

/**
 * Writes into a full cache with keys never seen before, so every operation inserts and forces an eviction: plain
 * {@code put}, and {@code getOrLoad} whose every call misses and loads. The unbounded map floor is not a contender
 * here (it would only grow). Fresh keys are boxed in the loop (16 B/op of harness allocation for every contender).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx8g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow" })
public class EvictionBenchmark {

    private static final AtomicLong THREAD_SEQUENCE = new AtomicLong();

    @Param({ "ARENA", "CAFFEINE", "OHC", "EHCACHE_OFFHEAP" })
    public String contender;

    @Param({ "16384", "4194304" })
    public int entries;

    @Param({ "64", "1024" })
    public int valueSize;

    private CacheContender cache;
    private byte[][] values;
    private Function<Long, byte[]> loader;

    /** Each thread's generator of keys no thread has used: a per-thread prefix above the populated range. */
    @State(Scope.Thread)
    public static class FreshKeys {
        long next;

        @Setup(Level.Trial)
        public void start() {
            next = (THREAD_SEQUENCE.incrementAndGet() << 40);
        }
    }

    @Setup(Level.Trial)
    public void populate() {
        values = BenchmarkData.valuePool(valueSize);
        byte[][] pool = values;
        loader = key -> pool[(int) (key & BenchmarkData.VALUE_MASK)];
        cache = BenchmarkData.openPopulated(contender, entries, valueSize);
    }

    @TearDown(Level.Trial)
    public void close() {
        System.out.printf("%n[teardown] %s holds %d entries after the run (populated with %d)%n", cache.name(),
                cache.size(), entries);
        cache.close();
    }

    @Benchmark
    public Object putEvict(FreshKeys keys) {
        long key = keys.next++;
        cache.put(key, values[(int) (key & BenchmarkData.VALUE_MASK)]);
        return values;
    }

    @Benchmark
    public Object getOrLoadMiss(FreshKeys keys) {
        return cache.getOrLoad(keys.next++, loader);
    }
}
