package io.quarkiverse.arenacache.examples.basic;

/**
 * A time-limited discount. It lives only in the {@code deals} cache, with its own time-to-live: when the deal ends
 * the cache stops returning it, no scheduler needed.
 *
 * @param expiresAtEpochMillis when the deal ends, shown to clients (the cache enforces it)
 */
public record Deal(int percentOff, long expiresAtEpochMillis) {
}
