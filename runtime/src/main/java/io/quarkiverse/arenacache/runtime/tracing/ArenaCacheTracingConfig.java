package io.quarkiverse.arenacache.runtime.tracing;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * OpenTelemetry tracing of the arena caches.
 */
@ConfigMapping(prefix = "quarkus.arena-cache.tracing")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ArenaCacheTracingConfig {

    /**
     * Whether cache loads ({@code getOrLoad} misses that run the loader) and administrative operations
     * ({@code invalidateAll}, {@code invalidateIf}, snapshot requests) create spans when the application has the
     * OpenTelemetry extension. Hits never create spans.
     */
    @WithDefault("true")
    boolean enabled();
}
