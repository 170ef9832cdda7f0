package io.quarkiverse.arenacache.benchmarks.contenders;

/**
 * What a contender must hold: {@code entries} values of {@code valueSize} bytes under 8-byte keys. Bounded contenders
 * are sized to hold exactly that many entries: by count where the cache counts entries (Caffeine), by bytes where it
 * budgets memory (arena-cache, OHC, Ehcache off-heap); {@code slack} scales the byte budget when a byte-budgeted
 * cache needs more room for its own overhead than estimated (the harness checks that a populated cache really hits).
 */
public record CacheSpec(long entries, int valueSize, double slack) {

    public CacheSpec {
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be positive, was " + entries);
        }
        if (valueSize < Long.BYTES) {
            throw new IllegalArgumentException("valueSize must be at least 8 bytes (the key is embedded), was "
                    + valueSize);
        }
        if (!(slack >= 1.0)) {
            throw new IllegalArgumentException("slack must be at least 1.0, was " + slack);
        }
    }

    public CacheSpec(long entries, int valueSize) {
        this(entries, valueSize, 1.0);
    }

    /** @return this spec with a byte budget {@code factor} times larger */
    public CacheSpec withMoreSlack(double factor) {
        return new CacheSpec(entries, valueSize, slack * factor);
    }

    /** @return the bytes of key and value payload, before any cache's own per-entry overhead */
    public long payloadBytes() {
        return entries * (Long.BYTES + (long) valueSize);
    }
}
