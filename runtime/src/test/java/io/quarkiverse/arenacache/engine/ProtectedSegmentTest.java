package io.quarkiverse.arenacache.engine;

import static io.quarkiverse.arenacache.engine.SmallRing.ENTRY;
import static io.quarkiverse.arenacache.engine.SmallRing.GENERATIONS;
import static io.quarkiverse.arenacache.engine.SmallRing.SLAB;
import static io.quarkiverse.arenacache.engine.SmallRing.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;

/** The main region's protected segment (SLRU): an entry read there gets one more pass than CLOCK's second chance. */
class ProtectedSegmentTest {

    private static final int CAPACITY = SLAB * GENERATIONS / ENTRY;

    private final ArenaCache<Integer, byte[]> cache = SmallRing.cache("protected", new FakeTicker(),
            new RecordingListener<>());

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void anEntryReadInTheMainRegionOutlivesTheUnreadOnesByMoreThanATurn() {
        for (int key = 0; key < CAPACITY; key++) {
            cache.put(key, value(key));
        }
        int reads = 8;
        for (int key = 0; key < reads; key++) {
            cache.get(key); // read once: frequency 2, the unread fillers 1
        }
        // New keys written three times (frequency 3) beat the fillers (and the read keys) when they leave the
        // window. The eviction cursor meets the read keys on its first steps: moved to the head, protected, their
        // bit spent. A turn later it meets them again, unread: CLOCK's single second chance would evict them then,
        // before the last filler (measured: all 8 gone); protected, they get one more pass.
        int newKey = 1000;
        int bound = newKey + 4 * CAPACITY;
        while (fillersLeft(reads) > 0 && newKey < bound) {
            newKey = writeNewKeys(newKey, 1, 3);
        }
        assertThat(fillersLeft(reads)).isZero();
        assertThat(readKeysLeft(reads)).as("read keys when the last unread filler is evicted").isEqualTo(reads);
        // but only one more pass: unread since, they become victims like any other
        while (readKeysLeft(reads) > 0 && newKey < bound) {
            newKey = writeNewKeys(newKey, 1, 4);
        }
        assertThat(readKeysLeft(reads)).as("read keys, unread for two more turns").isZero();
    }

    private int writeNewKeys(int first, int count, int writes) {
        for (int key = first; key < first + count; key++) {
            for (int write = 0; write < writes; write++) {
                cache.put(key, value(key));
            }
        }
        return first + count;
    }

    private int fillersLeft(int reads) {
        int left = 0;
        for (int key = reads; key < CAPACITY; key++) {
            left += cache.containsKey(key) ? 1 : 0;
        }
        return left;
    }

    private int readKeysLeft(int reads) {
        int left = 0;
        for (int key = 0; key < reads; key++) {
            left += cache.containsKey(key) ? 1 : 0;
        }
        return left;
    }
}
