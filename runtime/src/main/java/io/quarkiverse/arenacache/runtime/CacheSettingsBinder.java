package io.quarkiverse.arenacache.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;

import io.quarkiverse.arenacache.ArenaCacheBuilder;
import io.quarkiverse.arenacache.runtime.ArenaCacheRuntimeConfig.CacheRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Applies the run-time configuration of one cache to a builder. The builder validates every value; this class only
 * translates its errors into messages that name the configuration property the value came from.
 */
final class CacheSettingsBinder {

    static final String PREFIX = "quarkus.arena-cache.";

    private final String cacheName;
    private final CacheRuntimeConfig defaults;
    private final CacheRuntimeConfig cache;

    CacheSettingsBinder(String cacheName, CacheRuntimeConfig defaults, CacheRuntimeConfig cache) {
        this.cacheName = cacheName;
        this.defaults = defaults;
        this.cache = cache;
    }

    void bind(ArenaCacheBuilder<?, ?> builder) {
        builder.name(cacheName);
        apply("max-memory", c -> c.maxMemory().map(MemorySize::asLongValue), builder::maxMemory);
        apply("expire-after-write", CacheRuntimeConfig::expireAfterWrite, builder::expireAfterWrite);
        apply("shards", c -> boxed(c.shards()), builder::shards);
        apply("generations", c -> boxed(c.generations()), builder::generations);
        try {
            builder.settings();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid configuration of arena cache '" + cacheName + "' ("
                    + property("max-memory") + ", " + property("shards") + ", " + property("generations") + "): "
                    + e.getMessage());
        }
    }

    private <T> void apply(String property, Function<CacheRuntimeConfig, Optional<T>> getter, Consumer<T> setter) {
        Optional<T> perCache = cache == null ? Optional.empty() : getter.apply(cache);
        Optional<T> value = perCache.isPresent() ? perCache : getter.apply(defaults);
        if (value.isEmpty()) {
            return;
        }
        String source = perCache.isPresent() ? cacheProperty(property) : PREFIX + property;
        try {
            setter.accept(value.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid value '" + format(value.get()) + "' for " + source
                    + " (arena cache '" + cacheName + "'): " + e.getMessage());
        }
    }

    /** @return the property that set {@code property} for this cache: the per-cache one if set, else the default */
    private String property(String property) {
        return cache != null && isSet(cache, property) ? cacheProperty(property) : PREFIX + property;
    }

    private static boolean isSet(CacheRuntimeConfig config, String property) {
        return switch (property) {
            case "max-memory" -> config.maxMemory().isPresent();
            case "shards" -> config.shards().isPresent();
            case "generations" -> config.generations().isPresent();
            default -> config.expireAfterWrite().isPresent();
        };
    }

    private String cacheProperty(String property) {
        return PREFIX + "\"" + cacheName + "\"." + property;
    }

    private static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    private static String format(Object value) {
        return value instanceof Duration d ? d.toString() : String.valueOf(value);
    }
}
