package io.quarkiverse.arenacache.engine;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Per-thread reusable heap buffers into which keys (and entries being put) are encoded, so that a lookup
 * allocates nothing. Buffers grow on demand; ones larger than {@link #RETAINED_LIMIT} are used once and dropped,
 * so an occasional huge value does not pin heap in every thread.
 */
final class Scratch {

    private static final int RETAINED_LIMIT = 64 * 1024;
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    private MemorySegment key = MemorySegment.ofArray(new byte[64]);
    private byte[] entryArray = new byte[256];
    private MemorySegment entry = MemorySegment.ofArray(entryArray);

    static Scratch current() {
        return CURRENT.get();
    }

    /** @return a segment of at least {@code size} bytes, from offset 0, for a lookup key */
    MemorySegment key(int size) {
        if (size > key.byteSize()) {
            MemorySegment grown = MemorySegment.ofArray(new byte[Math.max(size, (int) key.byteSize() * 2)]);
            if (size > RETAINED_LIMIT) {
                return grown;
            }
            key = grown;
        }
        return key;
    }

    /** @return a zeroed segment of exactly {@code size} bytes for an entry (key then value) being put */
    MemorySegment entry(int size) {
        if (size > RETAINED_LIMIT) {
            return MemorySegment.ofArray(new byte[size]);
        }
        if (size > entryArray.length) {
            entryArray = new byte[Math.max(size, Math.min(RETAINED_LIMIT, entryArray.length * 2))];
            entry = MemorySegment.ofArray(entryArray);
        } else {
            Arrays.fill(entryArray, 0, size, (byte) 0);
        }
        return entry.asSlice(0, size);
    }
}
