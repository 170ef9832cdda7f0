package io.quarkiverse.arenacache.runtime.metrics;

import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkus.runtime.StartupEvent;

/**
 * Binds the meters of every cache whose metrics are enabled, once the application has started (so every cache
 * exists). Registered only when the application has a Micrometer extension and metrics are enabled.
 */
@Singleton
public class ArenaCacheMetricsRegistrar {

    void bindMeters(@Observes StartupEvent startup, MeterRegistry registry, ArenaCacheManager manager,
            MeteredCaches meteredCaches) {
        Set<String> names = meteredCaches.names();
        for (String name : names) {
            manager.getCache(name).ifPresent(cache -> new ArenaCacheMeterBinder(cache).bindTo(registry));
        }
    }
}
