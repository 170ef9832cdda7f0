package io.quarkiverse.arenacache.runtime.snapshot;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The snapshot endpoint: a JSON view of every cache's settings, stats and memory occupancy (never keys or values).
 */
@ConfigMapping(prefix = "quarkus.arena-cache.snapshot")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ArenaCacheSnapshotConfig {

    /**
     * Whether the snapshot endpoint is served (it needs {@code quarkus-vertx-http}). When not set, it is served in dev
     * and test mode and not in production; set it to {@code true} to serve it in production too.
     */
    Optional<Boolean> enabled();

    /**
     * The endpoint's path, relative to the non-application root path ({@code /q} by default), or to the management
     * root path when the management interface is enabled. {@code GET <path>} lists every cache,
     * {@code GET <path>/<name>} shows one.
     */
    @WithDefault("arena-cache")
    String path();
}
