package io.quarkiverse.arenacache.engine;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;

/**
 * Keys of the built-in fixed-width codecs ({@code Long}, {@code Integer}, {@code UUID}) are looked up as one or two
 * 64-bit words taken straight from the key object: no thread-local scratch, no encoding, no heap segment. Their
 * hash ({@link KeyHash#hashLong}, {@link KeyHash#hashInt}, {@link KeyHash#hashTwoLongs}) equals {@link KeyHash#hash}
 * of the bytes the codec writes, and the stored key bytes are compared with the same words, so entries written
 * through the general (encoding) path are found.
 * <p>
 * A word key is identified by its encoded length alone, because only these three codecs take the path.
 */
final class WordKeys {

    /** Not a word key: encode through the codec. */
    static final int NONE = 0;
    static final int INTEGER = Integer.BYTES;
    static final int LONG = Long.BYTES;
    static final int UUID = 2 * Long.BYTES;

    private WordKeys() {
    }

    /**
     * @return the word-key length of this key codec's keys: {@link #INTEGER}, {@link #LONG} or {@link #UUID}; {@link
     *         #NONE} for every other codec
     */
    static int lengthFor(Codec<?> keyCodec) {
        if (keyCodec == Codecs.longs()) {
            return LONG;
        }
        if (keyCodec == Codecs.integers()) {
            return INTEGER;
        }
        if (keyCodec == Codecs.uuids()) {
            return UUID;
        }
        return NONE;
    }
}
