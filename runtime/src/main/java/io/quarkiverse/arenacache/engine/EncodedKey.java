package io.quarkiverse.arenacache.engine;

import java.util.Arrays;

/** A copy of a key's encoded bytes, usable as a heap map key (for in-flight loads only, never per entry). */
final class EncodedKey {

    private final byte[] bytes;
    private final int hash;

    EncodedKey(byte[] bytes, long hash) {
        this.bytes = bytes;
        this.hash = Long.hashCode(hash);
    }

    /** @return the encoded key bytes (shared: never modify them) */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
