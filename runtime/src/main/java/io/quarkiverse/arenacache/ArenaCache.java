package io.quarkiverse.arenacache;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named cache whose entries live off the Java heap, serialized by {@link Codec}s into generation slabs of
 * {@link java.lang.foreign.MemorySegment memory segments}.
 * <p>
 * All methods are thread-safe. Reads take no lock. Keys and values are copied into the cache on {@code put} and
 * decoded into a fresh object on every {@code get}: mutating a value after {@code put} or after {@code get} never
 * changes what the cache holds.
 * <p>
 * {@code null} keys and values are rejected with a {@link NullPointerException} naming the argument; every method
 * but {@link #name()}, {@link #isClosed()} and {@link #close()} throws {@link IllegalStateException} after
 * {@link #close()}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ArenaCache<K, V> extends AutoCloseable {

    /**
     * Starts a standalone cache, usable without Quarkus.
     *
     * @param keyCodec turns keys into bytes and back
     * @param valueCodec turns values into bytes and back
     * @return a new builder with the defaults documented on {@link ArenaCacheBuilder}
     */
    static <K, V> ArenaCacheBuilder<K, V> builder(Codec<K> keyCodec, Codec<V> valueCodec) {
        return new ArenaCacheBuilder<>(keyCodec, valueCodec);
    }

    /** @return the cache's name, as given to the builder or in configuration */
    String name();

    /**
     * @return the value mapped to {@code key}, decoded into a new object, or {@code null} when the key is absent,
     *         expired or was evicted
     */
    V get(K key);

    /**
     * Zero-copy read: hands the stored bytes of the value mapped to {@code key} to {@code reader} without decoding
     * or copying them, and returns what the reader returns.
     * <p>
     * The reader sees a read-only segment that is valid only during the call. It may be called more than once for
     * one lookup when a concurrent write invalidates what it saw (only the result of the last, validated call is
     * returned), so it must have no side effects beyond computing its result.
     *
     * @return the reader's result, or {@code null} when the key is absent or expired (the reader is not called)
     */
    <R> R read(K key, ValueReader<R> reader);

    /** @return whether a live, unexpired value is mapped to {@code key}; does not count as a hit or a miss */
    boolean containsKey(K key);

    /**
     * Maps {@code key} to {@code value} with the cache-wide expire-after-write (if any), replacing any previous
     * value. An entry too large for a generation slab is rejected: it is counted in
     * {@link CacheStats#rejections()}, reported to the eviction listener with {@link RemovalCause#REJECTED}, and
     * any previous value of {@code key} is removed, so a stale value never survives a failed put.
     * <p>
     * When the cache is full, a new key may be refused by the admission policy in favour of more popular entries
     * (as in Caffeine's TinyLFU): it is then not stored, counted in {@link CacheStats#evictions()} and reported to
     * the eviction listener with {@link RemovalCause#SIZE}. A key refused recently is admitted when put again.
     */
    void put(K key, V value);

    /**
     * Like {@link #put(Object, Object)} with a time-to-live for this entry only, which overrides the cache-wide
     * expire-after-write.
     *
     * @param ttl how long the entry stays readable; must be positive
     */
    void put(K key, V value, Duration ttl);

    /**
     * Returns the value mapped to {@code key}, loading it with {@code loader} on a miss. Concurrent callers for the
     * same key share one invocation of the loader (single flight). A loader that throws, or returns {@code null},
     * caches nothing; its exception (or a {@link NullPointerException}) reaches every waiting caller.
     */
    V getOrLoad(K key, Function<? super K, ? extends V> loader);

    /**
     * Asynchronous {@link #getOrLoad}: on a miss {@code loader} starts the load and returns its stage; concurrent
     * callers for the same key share that one stage. A stage that completes exceptionally (or with {@code null})
     * caches nothing and completes every caller's stage exceptionally.
     */
    CompletionStage<V> getOrLoadAsync(K key, Function<? super K, ? extends CompletionStage<? extends V>> loader);

    /**
     * Removes the value of {@code key}. A load of that key already in flight ({@link #getOrLoad},
     * {@link #getOrLoadAsync}) still hands its value to its callers but does not store it: no value loaded before
     * the invalidation survives it. {@link #invalidateAll} and {@link #invalidateIf} do the same for the loads they
     * match.
     *
     * @return whether a live value was removed
     */
    boolean invalidate(K key);

    /**
     * Removes every entry whose decoded key matches {@code predicate}.
     *
     * @return how many entries were removed
     */
    long invalidateIf(Predicate<? super K> predicate);

    /** Removes every entry. Off-heap memory stays committed for reuse until {@link #close()}. */
    void invalidateAll();

    /** @return the number of live entries (entries not yet found expired may be counted until they are) */
    long size();

    /** @return a consistent-enough point-in-time copy of the counters and gauges */
    CacheStats stats();

    /** @return the settings this cache was built with */
    CacheSettings settings();

    /** @return per-shard and per-generation occupancy, for inspection tools; never contains keys or values */
    CacheLayout layout();

    /** @return the codec that turns keys into bytes */
    Codec<K> keyCodec();

    /** @return the codec that turns values into bytes */
    Codec<V> valueCodec();

    /** @return whether {@link #close()} has been called */
    boolean isClosed();

    /**
     * Releases all off-heap memory. Idempotent. Calls racing with {@code close()} either complete normally or throw
     * {@link IllegalStateException}; they never read freed memory.
     */
    @Override
    void close();
}
