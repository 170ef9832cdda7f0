package io.quarkiverse.arenacache;

import java.lang.foreign.MemorySegment;

/**
 * Turns objects into bytes written straight into off-heap memory, and back.
 * <p>
 * The cache first asks for {@link #encodedSize}, reserves exactly that many bytes, then calls {@link #encode}.
 * {@link #decode} receives exactly the bytes {@code encode} wrote. Encoding must be deterministic: equal keys must
 * encode to equal bytes, since keys are compared by their bytes. Implementations must be thread-safe and should be
 * stateless. A codec that throws leaves the cache unchanged. See {@link Codecs} for the built-in codecs.
 *
 * @param <T> the encoded type
 */
public interface Codec<T> {

    /** @return the exact number of bytes {@link #encode} writes for {@code value} */
    int encodedSize(T value);

    /**
     * Writes {@code value} into {@code target} at {@code offset}, using exactly {@link #encodedSize} bytes.
     */
    void encode(T value, MemorySegment target, long offset);

    /**
     * Reads a value that {@link #encode} wrote.
     *
     * @param source the segment holding the bytes (may be read-only)
     * @param offset where the bytes start
     * @param length how many bytes {@code encode} wrote
     * @return a new object equal to the encoded one
     */
    T decode(MemorySegment source, long offset, int length);
}
