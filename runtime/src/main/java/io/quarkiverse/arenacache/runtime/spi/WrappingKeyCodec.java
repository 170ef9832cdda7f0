package io.quarkiverse.arenacache.runtime.spi;

import java.util.Optional;

import io.quarkiverse.arenacache.Codec;

/**
 * A key codec that wraps the codec of its keys' type, adding something of its own (e.g. the quarkus-cache backend's
 * shape tag). Tools that read keys as text (the Dev UI's key actions) look through it to the wrapped codec.
 */
public interface WrappingKeyCodec {

    /**
     * @return the codec of the one key type a caller can name (every key the cache holds, but internal ones such as
     *         a default key, is of that type), or empty when the keys have several types
     */
    Optional<Codec<?>> wrappedKeyCodec();
}
