package io.quarkiverse.arenacache.runtime.metrics;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Micrometer integration of the arena caches.
 */
@ConfigMapping(prefix = "quarkus.arena-cache.metrics")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ArenaCacheMetricsConfig {

    /**
     * Whether arena caches publish Micrometer meters ({@code cache.gets}, {@code cache.puts},
     * {@code arena.cache.memory.used}, ...) when the application has a Micrometer extension. This is the global
     * switch; {@code quarkus.arena-cache."name".metrics-enabled} turns the meters of one cache off.
     */
    @WithDefault("true")
    boolean enabled();
}
