package io.quarkiverse.arenacache.benchmarks.gc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.quarkiverse.arenacache.benchmarks.contenders.CacheContender;
import io.quarkiverse.arenacache.benchmarks.contenders.CacheSpec;
import io.quarkiverse.arenacache.benchmarks.contenders.Contender;
import io.quarkiverse.arenacache.benchmarks.workload.PopulatedCache;
import io.quarkiverse.arenacache.benchmarks.workload.ScrambledZipf;
import io.quarkiverse.arenacache.benchmarks.workload.Values;

/**
 * What a big cache costs the garbage collector. In a fresh JVM (started by the suite with {@code -Xlog:gc} to a
 * file): fill the cache with {@code dataBytes} of values, then for {@code seconds} run three threads at once: a reader
 * timing every get into an HdrHistogram, a writer replacing values at a fixed rate (the churn a live cache sees,
 * each put a newly built value), and an allocator making short-lived garbage at a fixed rate (the application's own
 * work). The threads first run {@code warmupSeconds} unmeasured, so that the JIT has compiled the paths and G1 has
 * sized its young generation (and touched the heap's pages) after the fill's full collection; then the window opens.
 * GC pauses are read from the log afterwards, restricted to the measured window printed here; the latencies and
 * the get count are the window's only.
 * <p>
 * Arguments: {@code contender dataBytes valueSize warmupSeconds seconds}. Prints one line {@code window
 * <startUptimeMs> <endUptimeMs>} and one CSV row of latency results ({@link #CSV_HEADER}).
 */
public final class GcImpact {

    public static final String CSV_HEADER = "contender,dataBytes,valueSize,entries,seconds,gets,getP50ns,getP99ns,"
            + "getP999ns,getMaxNs";
    /** Puts per second by the churn thread. */
    static final int PUTS_PER_SECOND = 20_000;
    /** Bytes of short-lived garbage allocated per second. */
    static final long GARBAGE_BYTES_PER_SECOND = 256L << 20;
    private static final int KEYS = 1 << 20;

    private GcImpact() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: GcImpact <contender> <dataBytes> <valueSize> <warmupSeconds> <seconds>");
        }
        Contender contender = Contender.parse(args[0]);
        long dataBytes = Long.parseLong(args[1]);
        int valueSize = Integer.parseInt(args[2]);
        int warmupSeconds = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        long entries = dataBytes / valueSize;

        PopulatedCache.Opened opened = PopulatedCache.open(contender, new CacheSpec(entries, valueSize));
        CacheContender cache = opened.cache();
        long[] drawn = new ScrambledZipf(entries, 42).draw(KEYS);
        Long[] keys = new Long[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = drawn[i];
        }
        System.gc();

        AtomicBoolean running = new AtomicBoolean(true);
        long highestLatency = TimeUnit.SECONDS.toNanos(10);
        // A Recorder, not a Histogram: the window's interval is taken while the reader keeps recording.
        Recorder latencies = new Recorder(highestLatency, 3);
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofPlatform().name("reader").unstarted(() -> {
            int i = 0;
            while (running.get()) {
                Long key = keys[i++ & (KEYS - 1)];
                long start = System.nanoTime();
                Object value = cache.get(key);
                long elapsed = System.nanoTime() - start;
                if (value == null) {
                    cache.put(key, Values.forKey(key, valueSize));
                }
                latencies.recordValue(Math.min(elapsed, highestLatency));
            }
        }));
        threads.add(Thread.ofPlatform().name("writer").unstarted(() -> paced(running, PUTS_PER_SECOND, i -> {
            Long key = keys[(int) ((i * 7919) & (KEYS - 1))];
            cache.put(key, Values.forKey(key, valueSize));
        })));
        int chunk = 16 * 1024;
        Object[] young = new Object[1024];
        threads.add(Thread.ofPlatform().name("garbage").unstarted(() -> paced(running,
                GARBAGE_BYTES_PER_SECOND / chunk, i -> young[(int) (i & (young.length - 1))] = new byte[chunk])));

        threads.forEach(Thread::start);
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        long windowStart = uptimeMillis();
        latencies.getIntervalHistogram(); // drops the warmup's latencies
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        Histogram window = latencies.getIntervalHistogram();
        long windowEnd = uptimeMillis();
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }

        System.out.println("window " + windowStart + " " + windowEnd);
        System.out.println(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%d,%d", contender, dataBytes,
                valueSize, entries, seconds, window.getTotalCount(), window.getValueAtPercentile(50),
                window.getValueAtPercentile(99), window.getValueAtPercentile(99.9), window.getMaxValue()));
        cache.close();
    }

    /** Runs {@code action} about {@code perSecond} times a second, in batches, until {@code running} turns false. */
    private static void paced(AtomicBoolean running, long perSecond, java.util.function.LongConsumer action) {
        long batch = Math.max(1, perSecond / 1000);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * batch / perSecond;
        long next = System.nanoTime();
        long count = 0;
        while (running.get()) {
            for (long b = 0; b < batch; b++) {
                action.accept(count++);
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static long uptimeMillis() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
