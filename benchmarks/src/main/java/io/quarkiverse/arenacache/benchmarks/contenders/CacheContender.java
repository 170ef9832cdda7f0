package io.quarkiverse.arenacache.benchmarks.contenders;

import java.util.function.Function;

/**
 * The one small interface every cache in the benchmarks is driven through: {@code Long} keys, {@code byte[]} values.
 * Keys are handed in already boxed so the harness itself allocates nothing on a lookup.
 */
public interface CacheContender extends AutoCloseable {

    /** @return the contender's name as it appears in reports */
    String name();

    /**
     * @return something non-null derived from the stored value on a hit (the value itself for object APIs, a
     *         constant computed from the stored bytes for the zero-copy API), {@code null} on a miss
     */
    Object get(Long key);

    /** Stores {@code value} under {@code key}, evicting as the cache's own policy decides. */
    void put(Long key, byte[] value);

    /** @return the cached value, or the loader's value after storing it */
    Object getOrLoad(Long key, Function<Long, byte[]> loader);

    /** @return the number of entries the cache reports holding */
    long size();

    /** Releases the cache's memory. */
    @Override
    void close();
}
