package io.quarkiverse.arenacache.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Run-time settings of the arena caches: budgets, expiry and layout can change between runs of the same build
 * (e.g. per environment), because the caches are only created when the application starts. The properties directly
 * under {@code quarkus.arena-cache} are defaults for every cache; {@code quarkus.arena-cache."cache-name".*}
 * overrides them for one cache.
 */
@ConfigMapping(prefix = "quarkus.arena-cache")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ArenaCacheRuntimeConfig {

    /** Run-time defaults applied to every cache. */
    @WithParentName
    CacheRuntimeConfig defaults();

    /** Run-time settings of individual caches, by cache name. */
    @WithParentName
    @ConfigDocMapKey("cache-name")
    @ConfigDocSection
    Map<String, CacheRuntimeConfig> caches();

    /** Run-time settings of one cache. */
    @ConfigGroup
    interface CacheRuntimeConfig {

        /**
         * Off-heap memory budget for the cache's entries (e.g. {@code 64M}, {@code 1G}). Split evenly over shards and
         * their generations; each generation slab must get at least 4 KiB.
         */
        @ConfigDocDefault("64M")
        Optional<MemorySize> maxMemory();

        /** Expire every entry this long after it was written (e.g. {@code 10M} or {@code PT10M}). */
        @ConfigDocDefault("never")
        Optional<Duration> expireAfterWrite();

        /** Number of independently locked shards: a power of two from 1 to 4096. */
        @ConfigDocDefault("16")
        OptionalInt shards();

        /** Number of generation slabs per shard, from 2 to 64. */
        @ConfigDocDefault("8")
        OptionalInt generations();
    }
}
