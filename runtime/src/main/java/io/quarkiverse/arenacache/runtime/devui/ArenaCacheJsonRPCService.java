package io.quarkiverse.arenacache.runtime.devui;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.smallrye.mutiny.Multi;

/**
 * The Dev UI's JSON-RPC methods for arena caches. Registered as a bean by the Dev UI in dev mode only (this class
 * has no bean-defining annotation on purpose, so it is never a bean in production).
 * <p>
 * Requests naming an unknown cache, a closed cache or a key that cannot be read as the cache's key type are
 * answered with a message ({@link CacheReply}, {@link ActionReply}) rather than a JSON-RPC error, so the page can
 * show it in place.
 */
public class ArenaCacheJsonRPCService {

    /** How often {@link #streamCaches()} sends fresh numbers. */
    static final Duration STREAM_PERIOD = Duration.ofSeconds(1);

    @Inject
    ArenaCacheManager caches;

    // Set when the application stops (e.g. a dev-mode restart), so streams over the old caches end.
    private volatile boolean stopped;

    /** @return the number of caches, for the card's label */
    public String getCacheCount() {
        return String.valueOf(caches.cacheNames().size());
    }

    /** @return every cache with its settings, counters and occupancy, in name order */
    public List<CacheView> getCaches() {
        return caches.caches().stream().map(CacheViews::of).toList();
    }

    /** @return the named cache's view, or a message when there is no such cache */
    public CacheReply getCache(String name) {
        return find(name).map(cache -> CacheReply.found(CacheViews.of(cache)))
                .orElseGet(() -> CacheReply.failed(unknownCache(name)));
    }

    /**
     * @return every cache's view now and then every {@link #STREAM_PERIOD}, until the page unsubscribes or the
     *         application stops
     */
    public Multi<List<CacheView>> streamCaches() {
        Multi<Long> ticks = Multi.createFrom().ticks().every(STREAM_PERIOD).onOverflow().drop();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(0L), ticks)
                .select().first(tick -> !stopped)
                .map(tick -> getCaches());
    }

    /** Removes every entry of the named cache. */
    public ActionReply invalidateAll(String name) {
        Optional<ArenaCache<Object, Object>> found = find(name);
        if (found.isEmpty()) {
            return ActionReply.failed(name, null, unknownCache(name));
        }
        ArenaCache<Object, Object> cache = found.get();
        try {
            long before = cache.size();
            cache.invalidateAll();
            return ActionReply.done(name, null, true, "Invalidated all entries of '" + name + "' (" + before
                    + (before == 1 ? " entry)" : " entries)"));
        } catch (IllegalStateException e) {
            if (!cache.isClosed()) {
                throw e;
            }
            return ActionReply.failed(name, null, closedCache(name));
        }
    }

    /** Removes the entry of one key, typed as text and converted to the cache's key type. */
    public ActionReply invalidate(String name, String key) {
        return onKey(name, key, (cache, parsedKey) -> {
            boolean removed = cache.invalidate(parsedKey);
            return ActionReply.done(name, key, removed, removed ? "Removed key '" + key + "' from '" + name + "'"
                    : "Key '" + key + "' was not in '" + name + "': nothing removed");
        });
    }

    /** Tells whether a live entry exists for one key, typed as text; does not count as a hit or a miss. */
    public ActionReply containsKey(String name, String key) {
        return onKey(name, key, (cache, parsedKey) -> {
            boolean present = cache.containsKey(parsedKey);
            return ActionReply.done(name, key, present, present ? "Key '" + key + "' is present in '" + name + "'"
                    : "Key '" + key + "' is not present in '" + name + "'");
        });
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    private interface KeyAction {
        ActionReply apply(ArenaCache<Object, Object> cache, Object key);
    }

    private ActionReply onKey(String name, String key, KeyAction action) {
        Optional<ArenaCache<Object, Object>> found = find(name);
        if (found.isEmpty()) {
            return ActionReply.failed(name, key, unknownCache(name));
        }
        ArenaCache<Object, Object> cache = found.get();
        if (cache.isClosed()) {
            return ActionReply.failed(name, key, closedCache(name));
        }
        Optional<KeyParser> parser;
        try {
            parser = KeyParser.forCodec(cache.keyCodec());
        } catch (IllegalStateException e) {
            if (!cache.isClosed()) {
                throw e;
            }
            return ActionReply.failed(name, key, closedCache(name));
        }
        if (parser.isEmpty()) {
            return ActionReply.failed(name, key, "Key actions are not available for cache '" + name
                    + "': its keys are written by the custom codec " + CacheViews.codecName(cache)
                    + ", so they have no text form");
        }
        Object parsedKey;
        try {
            parsedKey = parser.get().keyOf(key);
        } catch (IllegalArgumentException e) {
            return ActionReply.failed(name, key, e.getMessage());
        }
        try {
            return action.apply(cache, parsedKey);
        } catch (IllegalStateException e) {
            // A closed cache (closed by the application, or by a dev-mode restart under way) refuses every call.
            if (!cache.isClosed()) {
                throw e;
            }
            return ActionReply.failed(name, key, closedCache(name));
        }
    }

    private static String closedCache(String name) {
        return "Arena cache '" + name + "' is closed: its memory has been released and it holds no entries";
    }

    private Optional<ArenaCache<Object, Object>> find(String name) {
        return name == null ? Optional.empty() : caches.getCache(name);
    }

    private String unknownCache(String name) {
        if (name == null || name.isBlank()) {
            return "No cache name given";
        }
        var names = caches.cacheNames();
        return "No arena cache named '" + name + "'"
                + (names.isEmpty() ? ": the application has no arena cache" : "; the caches are " + names);
    }
}
