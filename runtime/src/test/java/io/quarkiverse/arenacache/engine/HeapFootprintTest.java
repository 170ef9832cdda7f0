package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;

/** The heap a cache retains does not grow with its entry count: entries and index live off-heap. */
class HeapFootprintTest {

    private static final int ENTRIES = 1_000_000;

    @Test
    void aMillionEntriesAddLessThanOneMebibyteOfRetainedHeap() {
        try (ArenaCache<Long, byte[]> cache = ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                .maxMemory(1L << 30).build()) {
            byte[] value = new byte[64];
            // warm up everything that is allocated once (scratch buffers, counter cells, first slabs)
            for (long key = 0; key < 1_000; key++) {
                cache.put(-key - 1, value);
                cache.get(-key - 1);
            }
            long before = retainedHeap();
            for (long key = 0; key < ENTRIES; key++) {
                value[0] = (byte) key;
                cache.put(key, value);
            }
            long after = retainedHeap();
            CacheStats stats = cache.stats();
            assertThat(stats.entries()).isEqualTo(ENTRIES + 1_000);
            assertThat(stats.evictions()).isZero();
            assertThat(cache.get(123_456L)[0]).isEqualTo((byte) 123_456L);
            assertThat(after - before).as("retained heap growth in bytes").isLessThan(1L << 20);
        }
    }

    /** Used heap after collections, once it has settled (two consecutive readings within 64 KiB). */
    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                return Math.min(previous, used);
            }
            previous = used;
        }
        return previous;
    }
}
