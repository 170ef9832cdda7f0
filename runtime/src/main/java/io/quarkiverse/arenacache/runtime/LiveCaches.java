package io.quarkiverse.arenacache.runtime;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkiverse.arenacache.ArenaCache;

/**
 * Every cache the extension has created and not yet closed, in this JVM. Lives in the extension's runtime class
 * loader, which survives dev-mode restarts, so it shows whether caches of an earlier application instance leaked
 * their off-heap memory.
 */
public final class LiveCaches {

    private static final Set<ArenaCache<?, ?>> OPEN = ConcurrentHashMap.newKeySet();

    private LiveCaches() {
    }

    static void opened(ArenaCache<?, ?> cache) {
        OPEN.add(cache);
    }

    static void closed(ArenaCache<?, ?> cache) {
        OPEN.remove(cache);
    }

    /** @return the open caches, in no particular order */
    public static List<ArenaCache<?, ?>> open() {
        return List.copyOf(OPEN);
    }

    /** @return the off-heap bytes committed by all open caches */
    public static long committedBytes() {
        long total = 0;
        for (ArenaCache<?, ?> cache : OPEN) {
            if (!cache.isClosed()) {
                try {
                    total += cache.stats().bytesCommitted();
                } catch (IllegalStateException closedMeanwhile) {
                    // Closed by a restart or shutdown since isClosed(): its memory is released.
                }
            }
        }
        return total;
    }
}
