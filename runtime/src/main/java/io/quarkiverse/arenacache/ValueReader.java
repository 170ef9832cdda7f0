package io.quarkiverse.arenacache;

import java.lang.foreign.MemorySegment;

/**
 * Reads a stored value straight from off-heap memory, for {@link ArenaCache#read}.
 *
 * @param <R> what the reader computes from the bytes
 */
@FunctionalInterface
public interface ValueReader<R> {

    /**
     * @param segment a read-only segment, valid only during this call; do not keep it
     * @param offset where the value's bytes start in {@code segment}
     * @param length how many bytes the value has
     * @return the result handed back to the caller of {@link ArenaCache#read}
     */
    R read(MemorySegment segment, long offset, int length);
}
