package io.quarkiverse.arenacache.runtime;

import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Build-time settings of the arena caches: what decides which beans, codecs and meters exist is fixed when the
 * application is built. The properties directly under {@code quarkus.arena-cache} are defaults for every cache;
 * {@code quarkus.arena-cache."cache-name".*} overrides them for one cache.
 */
@ConfigMapping(prefix = "quarkus.arena-cache")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ArenaCacheBuildTimeConfig {

    /** Build-time defaults applied to every cache. */
    @WithParentName
    CacheDefaultsBuildTimeConfig defaults();

    /** Build-time settings of individual caches, by cache name. */
    @WithParentName
    @ConfigDocMapKey("cache-name")
    @ConfigDocSection
    Map<String, CacheBuildTimeConfig> caches();

    /**
     * Build-time settings that may be given for every cache at once. The metrics switch is not one of them: the
     * global one is {@code quarkus.arena-cache.metrics.enabled}, and a default {@code quarkus.arena-cache.metrics-enabled}
     * would be a confusing near-twin of it.
     */
    @ConfigGroup
    interface CacheDefaultsBuildTimeConfig {

        /**
         * Fully qualified name of a class implementing {@code io.quarkiverse.arenacache.Codec} used for the keys,
         * instead of the codec derived from the key type. It must be a CDI bean or have a public no-argument
         * constructor.
         */
        @ConfigDocDefault("derived from the key type")
        Optional<String> keyCodec();

        /**
         * Fully qualified name of a class implementing {@code io.quarkiverse.arenacache.Codec} used for the values,
         * instead of the codec derived from the value type. It must be a CDI bean or have a public no-argument
         * constructor.
         */
        @ConfigDocDefault("derived from the value type")
        Optional<String> valueCodec();
    }

    /** Build-time settings of one cache. */
    @ConfigGroup
    interface CacheBuildTimeConfig extends CacheDefaultsBuildTimeConfig {

        /** Whether this cache's meters are published when a metrics extension is present. */
        @ConfigDocDefault("true")
        Optional<Boolean> metricsEnabled();
    }
}
