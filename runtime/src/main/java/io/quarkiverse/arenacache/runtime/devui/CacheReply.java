package io.quarkiverse.arenacache.runtime.devui;

/**
 * The answer to a request about one cache: the cache's view, or an error the Dev UI shows as it is.
 *
 * @param ok whether the cache was found
 * @param message the error when {@code ok} is false, else {@code null}
 * @param cache the cache's view when {@code ok} is true, else {@code null}
 */
public record CacheReply(boolean ok, String message, CacheView cache) {

    static CacheReply found(CacheView cache) {
        return new CacheReply(true, null, cache);
    }

    static CacheReply failed(String message) {
        return new CacheReply(false, message, null);
    }
}
