package io.quarkiverse.arenacache.runtime.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    /**
     * Micrometer holds function meters' state objects weakly: the binders live as long as this bean, else the
     * meters would drop to their last value (0) at the first garbage collection.
     */
    private final List<ArenaCacheMeterBinder> binders = new CopyOnWriteArrayList<>();

    void bindMeters(@Observes StartupEvent startup, MeterRegistry registry, ArenaCacheManager manager,
            MeteredCaches meteredCaches) {
        for (String name : meteredCaches.names()) {
            manager.getCache(name).ifPresent(cache -> {
                ArenaCacheMeterBinder binder = new ArenaCacheMeterBinder(cache);
                binder.bindTo(registry);
                binders.add(binder);
            });
        }
    }
}
