package io.quarkiverse.arenacache.runtime.tracing;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.runtime.spi.ArenaCacheDecorator;

/**
 * Wraps every cache so its loads and administrative operations are traced. Registered only when the application
 * has the OpenTelemetry extension and {@code quarkus.arena-cache.tracing.enabled} is true.
 */
@Singleton
public class TracingArenaCacheDecorator implements ArenaCacheDecorator {

    /** Outermost of the known decorators: the span then covers whatever the inner ones do. */
    static final int PRIORITY = 1000;

    private final CacheSpans spans;

    @Inject
    public TracingArenaCacheDecorator(OpenTelemetry openTelemetry) {
        this.spans = new CacheSpans(openTelemetry.getTracer(CacheSpans.INSTRUMENTATION_SCOPE));
    }

    @Override
    public <K, V> ArenaCache<K, V> decorate(ArenaCache<K, V> cache) {
        return new TracedArenaCache<>(cache, spans);
    }

    @Override
    public int priority() {
        return PRIORITY;
    }
}
