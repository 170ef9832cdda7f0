package io.quarkiverse.arenacache.examples.zerocopy;

/**
 * The part of a stored value a response carries, copied once from off-heap memory.
 *
 * @param bytes the requested bytes, or {@code null} when the client's copy is current (304) or the range is invalid
 * @param from the first byte's position in the whole value
 * @param totalLength the whole value's length
 * @param etag the whole value's entity tag
 */
record Slice(byte[] bytes, long from, int totalLength, String etag) {
}
