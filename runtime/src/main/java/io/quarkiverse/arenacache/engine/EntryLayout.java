package io.quarkiverse.arenacache.engine;

/**
 * Where things are in an entry written into a generation slab. Entries are packed back to back, unaligned:
 *
 * <pre>
 * 0        8            16         20           24
 * | hash   | expiresAt  | keyLen   | valueLen   | key bytes ... | value bytes ... |
 * </pre>
 *
 * The hash lets a retiring slab find each entry's index slot without decoding the key; {@code expiresAt} is a
 * ticker reading ({@link Long#MAX_VALUE} for never).
 */
final class EntryLayout {

    static final long HASH = 0;
    static final long EXPIRES_AT = 8;
    static final long KEY_LENGTH = 16;
    static final long VALUE_LENGTH = 20;
    static final int HEADER_BYTES = 24;

    private EntryLayout() {
    }
}
