package io.quarkiverse.arenacache.benchmarks.workload;

/**
 * Builds benchmark values: the key in the first 8 bytes (so a read can be checked and every value differs), a fixed
 * pattern after it. A value is a copy of a per-size template with the key written in: filling 4 GiB of values then
 * costs a memory copy, not a byte-by-byte loop, which keeps the 4M × 1 KiB populates of the full suite affordable.
 */
public final class Values {

    /** The last template built; values of one run nearly always share one size. Never mutated once published. */
    private static volatile byte[] template = new byte[0];

    private Values() {
    }

    /** @return a new {@code size}-byte value for {@code key} */
    public static byte[] forKey(long key, int size) {
        if (size < Long.BYTES) {
            throw new IllegalArgumentException("values embed their 8-byte key, size must be >= 8, was " + size);
        }
        byte[] pattern = template;
        if (pattern.length != size) {
            pattern = pattern(size);
            template = pattern;
        }
        byte[] value = pattern.clone();
        for (int i = 0; i < Long.BYTES; i++) {
            value[i] = (byte) (key >>> (8 * (Long.BYTES - 1 - i)));
        }
        return value;
    }

    private static byte[] pattern(int size) {
        byte[] pattern = new byte[size];
        for (int i = Long.BYTES; i < size; i++) {
            pattern[i] = (byte) (i * 31);
        }
        return pattern;
    }

    /** @return the key a value built by {@link #forKey} embeds */
    public static long keyOf(byte[] value) {
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            key = (key << 8) | (value[i] & 0xFF);
        }
        return key;
    }
}
