package io.quarkiverse.arenacache.benchmarks.workload;

/** Builds benchmark values: the key in the first 8 bytes (so a read can be checked), a fixed pattern after it. */
public final class Values {

    private Values() {
    }

    /** @return a new {@code size}-byte value for {@code key} */
    public static byte[] forKey(long key, int size) {
        if (size < Long.BYTES) {
            throw new IllegalArgumentException("values embed their 8-byte key, size must be >= 8, was " + size);
        }
        byte[] value = new byte[size];
        for (int i = 0; i < Long.BYTES; i++) {
            value[i] = (byte) (key >>> (8 * (Long.BYTES - 1 - i)));
        }
        for (int i = Long.BYTES; i < size; i++) {
            value[i] = (byte) (i * 31 + key);
        }
        return value;
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
