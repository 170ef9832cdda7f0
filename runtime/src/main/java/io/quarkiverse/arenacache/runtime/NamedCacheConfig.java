package io.quarkiverse.arenacache.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkiverse.arenacache.runtime.ArenaCacheRuntimeConfig.CacheRuntimeConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;

/**
 * The run-time settings of one cache, looked up by the cache's exact name as well as through the config mapping.
 * <p>
 * The mapping's {@code Map<String, CacheRuntimeConfig>} only learns a cache name from an environment variable when it
 * can spell it back: {@code QUARKUS_ARENA_CACHE_USER_SESSIONS_MAX_MEMORY} (or the quoted form
 * {@code QUARKUS_ARENA_CACHE__USER_SESSIONS__MAX_MEMORY}) does not become the key {@code user-sessions}, so a cache
 * with a dash in its name silently kept its defaults. The cache names are known here, so each property is looked up
 * under both the quoted and the plain property name, which the environment variable source matches; the value from
 * the source with the highest ordinal wins, as for any property.
 */
final class NamedCacheConfig implements CacheRuntimeConfig {

    private final SmallRyeConfig config;
    private final String cacheName;
    private final CacheRuntimeConfig mapped;

    NamedCacheConfig(SmallRyeConfig config, String cacheName, CacheRuntimeConfig mapped) {
        this.config = config;
        this.cacheName = cacheName;
        this.mapped = mapped;
    }

    @Override
    public Optional<MemorySize> maxMemory() {
        return value("max-memory", MemorySize.class).or(() -> mapped == null ? Optional.empty() : mapped.maxMemory());
    }

    @Override
    public Optional<Duration> expireAfterWrite() {
        return value("expire-after-write", Duration.class)
                .or(() -> mapped == null ? Optional.empty() : mapped.expireAfterWrite());
    }

    @Override
    public OptionalInt shards() {
        Optional<Integer> value = value("shards", Integer.class);
        return value.isPresent() ? OptionalInt.of(value.get()) : mapped == null ? OptionalInt.empty() : mapped.shards();
    }

    @Override
    public OptionalInt generations() {
        Optional<Integer> value = value("generations", Integer.class);
        return value.isPresent() ? OptionalInt.of(value.get())
                : mapped == null ? OptionalInt.empty() : mapped.generations();
    }

    /** @return the value of the property under whichever of its names has the highest-ordinal value */
    private <T> Optional<T> value(String property, Class<T> type) {
        ConfigValue best = null;
        for (String name : propertyNames(property)) {
            ConfigValue candidate = config.getConfigValue(name);
            if (candidate.getValue() != null && !candidate.getValue().isEmpty()
                    && (best == null || candidate.getSourceOrdinal() > best.getSourceOrdinal())) {
                best = candidate;
            }
        }
        // The conversion error, if any, names the property as it was found.
        return best == null ? Optional.empty() : config.getOptionalValue(best.getName(), type);
    }

    private List<String> propertyNames(String property) {
        List<String> names = new ArrayList<>(2);
        names.add(CacheSettingsBinder.PREFIX + "\"" + cacheName + "\"." + property);
        if (cacheName.indexOf('.') < 0 && cacheName.indexOf('"') < 0) {
            names.add(CacheSettingsBinder.PREFIX + cacheName + "." + property);
        }
        return names;
    }
}
