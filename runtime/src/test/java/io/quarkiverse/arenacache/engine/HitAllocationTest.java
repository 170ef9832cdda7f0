package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.ValueReader;

/** A hit allocates nothing but the value it returns: here a reader returning a constant allocates nothing. */
class HitAllocationTest {

    private static final ValueReader<Boolean> NON_EMPTY = (segment, offset, length) -> length > 0;
    private static final int ROUNDS = 20_000;

    @Test
    void zeroCopyHitsAndContainsKeyAllocateNothing() {
        try (ArenaCache<String, byte[]> cache = ArenaCache.builder(Codecs.strings(), Codecs.byteArrays())
                .maxMemory(1 << 20).build()) {
            String[] keys = new String[64];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "key-number-" + i;
            }
            assertThat(bytesAllocatedByWarmHits(cache, keys)).as("bytes allocated by %d hits once warm", ROUNDS)
                    .isLessThan(1024);
        }
    }

    @Test
    void zeroCopyHitsOfWordKeysAllocateNothing() {
        try (ArenaCache<Long, byte[]> cache = ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                .maxMemory(1 << 20).build()) {
            Long[] keys = new Long[64];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = 1_000_000L + i;
            }
            assertThat(bytesAllocatedByWarmHits(cache, keys))
                    .as("bytes allocated by %d word-key hits once warm", ROUNDS).isLessThan(1024);
        }
    }

    /**
     * Stores the keys, then measures {@link #ROUNDS} zero-copy hits plus {@code containsKey} calls several times:
     * the first rounds also warm up the JIT (escape analysis), so the least allocated round counts.
     */
    private static <K> long bytesAllocatedByWarmHits(ArenaCache<K, byte[]> cache, K[] keys) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        for (K key : keys) {
            cache.put(key, new byte[] { 1, 2, 3 });
        }
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 20 && best > 0; attempt++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            int hits = 0;
            for (int i = 0; i < ROUNDS; i++) {
                K key = keys[i & (keys.length - 1)];
                if (cache.read(key, NON_EMPTY) == Boolean.TRUE && cache.containsKey(key)) {
                    hits++;
                }
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(hits).isEqualTo(ROUNDS);
            best = Math.min(best, allocated);
        }
        return best;
    }
}
