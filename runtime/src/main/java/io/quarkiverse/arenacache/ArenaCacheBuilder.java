package io.quarkiverse.arenacache;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.arenacache.engine.ArenaCacheEngine;

/**
 * Configures and builds a standalone {@link ArenaCache}. Obtain one with {@link ArenaCache#builder}.
 * <p>
 * Defaults: name {@value #DEFAULT_NAME}, {@value #DEFAULT_MAX_MEMORY} bytes of memory, {@value #DEFAULT_SHARDS}
 * shards of {@value #DEFAULT_GENERATIONS} generations each, no expiry, the system ticker, no eviction listener.
 * Every setter validates its argument at once and names the setting in its {@link IllegalArgumentException};
 * {@link #build()} checks the settings together (e.g. that a generation slab is not too small).
 */
public final class ArenaCacheBuilder<K, V> {

    public static final String DEFAULT_NAME = "default";
    public static final long DEFAULT_MAX_MEMORY = 64L * 1024 * 1024;
    public static final int DEFAULT_SHARDS = 16;
    public static final int DEFAULT_GENERATIONS = 8;
    public static final int MAX_SHARDS = 1 << 12;
    public static final int MIN_GENERATIONS = 2;
    public static final int MAX_GENERATIONS = 64;
    /** The smallest generation slab allowed: smaller slabs would reject ordinary entries. */
    public static final long MIN_GENERATION_BYTES = 4 * 1024;
    /** The largest generation slab: slab offsets are 31-bit. */
    public static final long MAX_GENERATION_BYTES = Integer.MAX_VALUE;

    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    private String name = DEFAULT_NAME;
    private long maxMemory = DEFAULT_MAX_MEMORY;
    private Duration expireAfterWrite;
    private int shards = DEFAULT_SHARDS;
    private int generations = DEFAULT_GENERATIONS;
    private Ticker ticker = Ticker.system();
    private EvictionListener<? super K, ? super V> evictionListener;

    ArenaCacheBuilder(Codec<K> keyCodec, Codec<V> valueCodec) {
        this.keyCodec = Objects.requireNonNull(keyCodec, "keyCodec");
        this.valueCodec = Objects.requireNonNull(valueCodec, "valueCodec");
    }

    /** Names the cache (used in stats, metrics and errors). Must not be blank. */
    public ArenaCacheBuilder<K, V> name(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        return this;
    }

    /**
     * Sets the memory budget for entry data, in bytes. Bytes used by entries never exceed it; slabs are allocated
     * lazily, so an empty cache commits little of it. The off-heap index tables come on top (see
     * {@link CacheStats#bytesCommitted()}).
     */
    public ArenaCacheBuilder<K, V> maxMemory(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxMemory must be positive, was " + bytes);
        }
        this.maxMemory = bytes;
        return this;
    }

    /** Expires every entry this long after it was written, unless {@code put(k, v, ttl)} says otherwise. */
    public ArenaCacheBuilder<K, V> expireAfterWrite(Duration ttl) {
        Objects.requireNonNull(ttl, "expireAfterWrite");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("expireAfterWrite must be positive, was " + ttl);
        }
        this.expireAfterWrite = ttl;
        return this;
    }

    /** Sets the number of independently locked shards: a power of two from 1 to {@value #MAX_SHARDS}. */
    public ArenaCacheBuilder<K, V> shards(int shards) {
        if (shards < 1 || shards > MAX_SHARDS || Integer.bitCount(shards) != 1) {
            throw new IllegalArgumentException(
                    "shards must be a power of two between 1 and " + MAX_SHARDS + ", was " + shards);
        }
        this.shards = shards;
        return this;
    }

    /**
     * Sets the number of generation slabs per shard, from {@value #MIN_GENERATIONS} to {@value #MAX_GENERATIONS}.
     * More generations give smaller slabs, which cap the largest entry lower. Each shard also has one spare slab, so
     * the committed memory of a full cache is {@code maxMemory × (1 + 1 / generations)} (see
     * {@link CacheStats#bytesCommitted()}).
     */
    public ArenaCacheBuilder<K, V> generations(int generations) {
        if (generations < MIN_GENERATIONS || generations > MAX_GENERATIONS) {
            throw new IllegalArgumentException("generations must be between " + MIN_GENERATIONS + " and "
                    + MAX_GENERATIONS + ", was " + generations);
        }
        this.generations = generations;
        return this;
    }

    /** Replaces the time source, e.g. with a fake ticker in tests. */
    public ArenaCacheBuilder<K, V> ticker(Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        return this;
    }

    /** Registers the listener told about evictions, expirations and rejections. */
    public ArenaCacheBuilder<K, V> evictionListener(EvictionListener<? super K, ? super V> listener) {
        this.evictionListener = Objects.requireNonNull(listener, "evictionListener");
        return this;
    }

    /**
     * Checks the settings together and builds the cache.
     *
     * @throws IllegalArgumentException when {@code maxMemory} split over shards and generations gives slabs
     *         smaller than {@value #MIN_GENERATION_BYTES} bytes or larger than {@value #MAX_GENERATION_BYTES} bytes
     */
    public ArenaCache<K, V> build() {
        return ArenaCacheEngine.create(settings(), keyCodec, valueCodec, ticker, evictionListener);
    }

    /** @return the validated settings {@link #build()} would use */
    public CacheSettings settings() {
        long generationBytes = maxMemory / shards / generations;
        if (generationBytes < MIN_GENERATION_BYTES) {
            throw new IllegalArgumentException("maxMemory " + maxMemory + " is too small for " + shards + " shards × "
                    + generations + " generations: each generation slab would get " + generationBytes
                    + " bytes, at least " + MIN_GENERATION_BYTES + " are needed (raise maxMemory or lower shards"
                    + " or generations)");
        }
        if (generationBytes > MAX_GENERATION_BYTES) {
            throw new IllegalArgumentException("maxMemory " + maxMemory + " gives generation slabs of "
                    + generationBytes + " bytes, at most " + MAX_GENERATION_BYTES + " are allowed (raise shards or"
                    + " generations)");
        }
        return new CacheSettings(name, maxMemory, Optional.ofNullable(expireAfterWrite), shards, generations,
                generationBytes, ArenaCacheEngine.maxEntryBytes(generationBytes));
    }
}
