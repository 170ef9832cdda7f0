package io.quarkiverse.arenacache.runtime.health;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.CacheStats;

/**
 * Readiness of the arena caches: UP while every cache is open, DOWN when one is closed (its memory is gone, so
 * every call on it fails). A full cache is healthy: evicting is its normal work. Each cache is reported as
 * {@code "<name>": "<entries> entries, <bytesUsed>/<maxMemory> bytes"} or {@code "<name>": "closed"}.
 */
@Readiness
@Singleton
public class ArenaCacheHealthCheck implements HealthCheck {

    static final String NAME = "Arena caches";

    @Inject
    ArenaCacheManager manager;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (ArenaCache<?, ?> cache : manager.caches()) {
            String state = describe(cache);
            if (state == null) {
                response.down().withData(cache.name(), "closed");
            } else {
                response.withData(cache.name(), state);
            }
        }
        return response.build();
    }

    /** @return a one-line summary, or {@code null} when the cache is closed */
    private static String describe(ArenaCache<?, ?> cache) {
        if (cache.isClosed()) {
            return null;
        }
        try {
            CacheStats stats = cache.stats();
            return stats.entries() + " entries, " + stats.bytesUsed() + "/" + stats.maxMemory() + " bytes";
        } catch (IllegalStateException closedMeanwhile) {
            return null;
        }
    }
}
