package io.quarkiverse.arenacache.runtime;

import java.util.List;

import io.quarkiverse.arenacache.Codec;

/**
 * The caches the application has and their codecs, as decided at build time. The extension generates the only
 * implementation (a bean whose code calls codec constructors and factories directly, so no reflection is needed).
 */
public interface ArenaCacheDefinitions {

    /** @return the names of all caches, in alphabetical order */
    List<String> cacheNames();

    /** @return a codec for the keys of cache {@code name} */
    Codec<?> keyCodec(String name);

    /** @return a codec for the values of cache {@code name} */
    Codec<?> valueCodec(String name);
}
