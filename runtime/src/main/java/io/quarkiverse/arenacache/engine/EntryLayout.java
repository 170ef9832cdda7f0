package io.quarkiverse.arenacache.engine;

/**
 * Where things are in an entry written into a generation slab. Entries are packed back to back, unaligned:
 *
 * <pre>
 * 0        8            16         20           24
 * | hash   | expiresAt  | keyLen   | valueLen   | key bytes ... | value bytes ... |
 * </pre>
 *
 * The hash lets a retiring slab find each entry's index slot without decoding the key (only its low bits are used
 * for that: its two top bits are {@link #WINDOW_MARK} and {@link #DEAD_MARK}); {@code expiresAt} is a ticker reading
 * ({@link Long#MAX_VALUE} for never). Readers never read the hash field.
 */
final class EntryLayout {

    static final long HASH = 0;
    static final long EXPIRES_AT = 8;
    static final long KEY_LENGTH = 16;
    static final long VALUE_LENGTH = 20;
    static final int HEADER_BYTES = 24;
    /**
     * Top bit of the stored hash: set exactly while the entry is a live entry of the admission window (mirrors
     * {@link Location#WINDOW}), so the window cursor skips main-region and dead entries without an index probe.
     */
    static final long WINDOW_MARK = Long.MIN_VALUE;
    /**
     * Second bit of the stored hash: set when the entry's bytes are dead (removed, replaced, evicted or moved to the
     * head), so cursors and compaction pass them without an index probe.
     */
    static final long DEAD_MARK = 1L << 62;

    private EntryLayout() {
    }
}
