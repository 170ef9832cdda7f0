package io.quarkiverse.arenacache.engine;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Per-thread reusable heap buffers into which keys (and entries being put) are encoded, so that a lookup of a key
 * of up to 64 bytes allocates nothing (a longer one, a view of the buffer when its length changes). Buffers grow on
 * demand; ones larger than {@link #RETAINED_LIMIT} are used once and dropped, so an occasional huge value does not
 * pin heap in every thread.
 */
final class Scratch {

    private static final int RETAINED_LIMIT = 64 * 1024;
    /** Keys up to this length (nearly all) get a view cached per length, so a lookup allocates nothing. */
    private static final int SMALL_KEY_BYTES = 64;
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    private final MemorySegment smallKey = MemorySegment.ofArray(new byte[SMALL_KEY_BYTES]);
    /** Views of {@link #smallKey} by length, created on first use. */
    private final MemorySegment[] smallKeys = new MemorySegment[SMALL_KEY_BYTES + 1];
    private MemorySegment key = MemorySegment.ofArray(new byte[2 * SMALL_KEY_BYTES]);
    /** The last view of {@link #key} handed out: keys of one length in a row take no new one. */
    private MemorySegment largeKey = MemorySegment.NULL;
    private byte[] entryArray = new byte[256];
    private MemorySegment entry = MemorySegment.ofArray(entryArray);

    static Scratch current() {
        return CURRENT.get();
    }

    /**
     * @return a segment of exactly {@code size} bytes for a lookup key, so that a key codec writing more than its
     *         {@code encodedSize} fails here as it does on a put, instead of the lookup acting on a shorter key
     */
    MemorySegment key(int size) {
        if (size <= SMALL_KEY_BYTES) {
            MemorySegment view = smallKeys[size];
            if (view == null) {
                view = smallKey.asSlice(0, size);
                smallKeys[size] = view;
            }
            return view;
        }
        if (size > key.byteSize()) {
            MemorySegment grown = MemorySegment.ofArray(new byte[Math.max(size, (int) key.byteSize() * 2)]);
            if (size > RETAINED_LIMIT) {
                return grown.asSlice(0, size);
            }
            key = grown;
        } else if (largeKey.byteSize() == size) {
            return largeKey; // a view of the current buffer: views are dropped when the buffer grows
        }
        largeKey = key.asSlice(0, size);
        return largeKey;
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
