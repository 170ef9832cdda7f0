package io.quarkiverse.arenacache.runtime.health;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The readiness check of the arena caches.
 */
@ConfigMapping(prefix = "quarkus.arena-cache.health")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ArenaCacheHealthConfig {

    /**
     * Whether a readiness check "Arena caches" is published when the application has the SmallRye Health extension.
     * It is DOWN only when a cache is closed, never because a cache is full.
     */
    @WithDefault("true")
    boolean enabled();
}
