package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;

/**
 * What the snapshot endpoint, the health check and {@code arena-cache-inspect} show must add up while the cache is
 * written: entries, bytes and puts of one {@code stats()} call belong to the same moment of each shard. With
 * distinct keys of one size and no eviction, every entry takes the same bytes and every put adds an entry.
 */
class StatsConsistencyTest {

    private static final int WRITERS = 2;
    private static final int PUTS_PER_WRITER = 60_000;

    @Test
    void entriesBytesAndPutsOfOneStatsCallAgreeUnderConcurrentPuts() throws Exception {
        long entryBytes;
        try (ArenaCache<String, String> probe = cache()) {
            probe.put(key(0, 0), "v");
            entryBytes = probe.stats().bytesUsed();
        }
        assertThat(entryBytes).isPositive();
        try (ArenaCache<String, String> cache = cache()) {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < PUTS_PER_WRITER; i++) {
                        cache.put(key(writer, i), "v");
                    }
                }));
            }
            Thread.ofPlatform().start(() -> {
                for (Thread writer : writers) {
                    try {
                        writer.join();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                done.set(true);
            });
            start.countDown();
            List<String> torn = new ArrayList<>();
            int reads = 0;
            while (!done.get() && torn.size() < 5) {
                CacheStats stats = cache.stats();
                reads++;
                if (stats.bytesUsed() != stats.entries() * entryBytes || stats.puts() != stats.entries()) {
                    torn.add("entries=" + stats.entries() + " bytesUsed=" + stats.bytesUsed() + " (expected "
                            + stats.entries() * entryBytes + ") puts=" + stats.puts());
                }
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(torn).as("inconsistent stats in %d reads", reads).isEmpty();
            CacheStats last = cache.stats();
            assertThat(last.entries()).isEqualTo((long) WRITERS * PUTS_PER_WRITER);
            assertThat(last.evictions()).isZero();
        }
    }

    private static ArenaCache<String, String> cache() {
        return ArenaCache.builder(Codecs.strings(), Codecs.strings()).name("stats").maxMemory(256L << 20).shards(1)
                .generations(2).build();
    }

    private static String key(int writer, int i) {
        return String.format("w%d-%08d", writer, i);
    }
}
