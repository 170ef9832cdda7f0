package io.quarkiverse.arenacache.engine;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * A fast 64-bit hash of encoded key bytes: 8-byte words folded by multiply-rotate, then a strong finalizer so that
 * both the high bits (shard choice) and the low bits (index slot) are well mixed. Hashes never leave the process,
 * so native byte order is fine.
 */
final class KeyHash {

    // Package-private for the test that inverts the word hashes: each step below is one-to-one on 64-bit words.
    static final long SEED = 0x9E3779B97F4A7C15L;
    static final long M1 = 0x87C37B91114253D5L;
    static final long M2 = 0x4CF5AD432745937FL;
    static final long FMIX1 = 0xFF51AFD7ED558CCDL;
    static final long FMIX2 = 0xC4CEB9FE1A85EC53L;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private KeyHash() {
    }

    static long hash(MemorySegment segment, long offset, int length) {
        long h = SEED ^ (length * M2);
        long i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            h = mixWord(h, segment.get(JAVA_LONG_UNALIGNED, offset + i));
        }
        if (i < length) {
            long tail = 0;
            for (int shift = 0; i < length; i++, shift += 8) {
                tail |= (segment.get(JAVA_BYTE, offset + i) & 0xFFL) << shift;
            }
            h = mixWord(h, tail);
        }
        return finish(h);
    }

    /**
     * @return {@link #hash} of the 8 bytes of {@code word} in native byte order (a {@code Long} key). One-to-one:
     *         multiplying by an odd constant, xor with a constant, rotating and {@link #finish} can each be undone,
     *         so two keys never share a hash and a matching hash proves the key (as for {@link #hashInt})
     */
    static long hashLong(long word) {
        return finish(mixWord(SEED ^ (Long.BYTES * M2), word));
    }

    /** @return {@link #hash} of the 4 bytes of {@code value} in native byte order (an {@code Integer} key) */
    static long hashInt(int value) {
        // the byte-wise tail of hash() assembles the bytes in memory order, least significant first
        long tail = (LITTLE_ENDIAN ? value : Integer.reverseBytes(value)) & 0xFFFF_FFFFL;
        return finish(mixWord(SEED ^ (Integer.BYTES * M2), tail));
    }

    /** @return {@link #hash} of two 8-byte words in native byte order (a {@code UUID} key) */
    static long hashTwoLongs(long first, long second) {
        return finish(mixWord(mixWord(SEED ^ (2 * Long.BYTES * M2), first), second));
    }

    static long hash(byte[] bytes) {
        return hash(MemorySegment.ofArray(bytes), 0, bytes.length);
    }

    private static long mixWord(long h, long word) {
        return Long.rotateLeft(h ^ (word * M1), 31) * M2;
    }

    /** Murmur3's fmix64: every input bit affects every output bit. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= FMIX1;
        h ^= h >>> 33;
        h *= FMIX2;
        h ^= h >>> 33;
        return h;
    }
}
