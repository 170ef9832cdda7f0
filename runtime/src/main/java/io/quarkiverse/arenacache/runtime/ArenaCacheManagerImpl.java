package io.quarkiverse.arenacache.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheBuilder;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.runtime.ArenaCacheRuntimeConfig.CacheRuntimeConfig;
import io.quarkiverse.arenacache.runtime.spi.ArenaCacheDecorator;
import io.quarkus.runtime.ShutdownContext;
import io.smallrye.config.SmallRyeConfig;

/**
 * Creates every cache of the application when it is first needed (at the latest during run-time init), hands them
 * out by name and closes them, releasing their off-heap memory, when the application stops or dev mode restarts it.
 */
@Singleton
public class ArenaCacheManagerImpl implements ArenaCacheManager {

    private static final Logger LOG = Logger.getLogger(ArenaCacheManagerImpl.class);

    private final ArenaCacheDefinitions definitions;
    private final ArenaCacheRuntimeConfig config;
    private final Instance<ArenaCacheDecorator> decorators;
    private volatile Map<String, ArenaCache<?, ?>> caches;
    private final List<ArenaCache<?, ?>> created = new ArrayList<>();
    private boolean closed;
    private volatile boolean closeScheduled;

    @Inject
    public ArenaCacheManagerImpl(ArenaCacheDefinitions definitions, ArenaCacheRuntimeConfig config,
            @Any Instance<ArenaCacheDecorator> decorators) {
        this.definitions = definitions;
        this.config = config;
        this.decorators = decorators;
    }

    /** Creates all caches now, so that invalid configuration fails the application's startup. */
    public void start() {
        byName();
        warnAboutUnknownCaches();
    }

    /** The run-time properties of one cache: the only ones that can still change after the build. */
    private static final Set<String> RUN_TIME_PROPERTIES = Set.of("max-memory", "expire-after-write", "shards",
            "generations");

    /**
     * Which caches exist is decided at build time. A run-time property naming another cache (a typo, or a cache
     * added only at launch, e.g. {@code -Dquarkus.arena-cache.userz.max-memory=2G}) matched no cache and was ignored
     * without a word, since the run-time config mapping accepts any cache name.
     */
    private void warnAboutUnknownCaches() {
        List<String> known = definitions.cacheNames();
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            String cache = cacheNameOf(property);
            if (cache != null && !known.contains(cache)) {
                LOG.warnf("Property %s configures no arena cache: there is no cache named '%s' in this build"
                        + " (caches are defined at build time, by injection points and configuration). Caches: %s",
                        property, cache, known);
            }
        }
    }

    /** @return the cache that run-time property {@code property} configures, or {@code null} if it is none */
    static String cacheNameOf(String property) {
        if (!property.startsWith(CacheSettingsBinder.PREFIX)) {
            return null;
        }
        String rest = property.substring(CacheSettingsBinder.PREFIX.length());
        int end;
        String name;
        if (rest.startsWith("\"")) {
            end = rest.indexOf('"', 1);
            if (end < 0) {
                return null;
            }
            name = rest.substring(1, end);
            end++;
        } else {
            end = rest.indexOf('.');
            if (end < 0) {
                return null;
            }
            name = rest.substring(0, end);
        }
        if (end >= rest.length() || rest.charAt(end) != '.'
                || !RUN_TIME_PROPERTIES.contains(rest.substring(end + 1))) {
            return null;
        }
        return name;
    }

    @Override
    public Set<String> cacheNames() {
        return byName().keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Optional<ArenaCache<K, V>> getCache(String name) {
        return Optional.ofNullable((ArenaCache<K, V>) byName().get(name));
    }

    @Override
    public Collection<ArenaCache<?, ?>> caches() {
        return byName().values();
    }

    /** @return the cache named {@code name}; used by the synthetic cache beans */
    public ArenaCache<?, ?> cache(String name) {
        ArenaCache<?, ?> cache = byName().get(name);
        if (cache == null) {
            throw new IllegalStateException("No arena cache named '" + name + "'; caches: " + cacheNames());
        }
        return cache;
    }

    private Map<String, ArenaCache<?, ?>> byName() {
        Map<String, ArenaCache<?, ?>> current = caches;
        if (current == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("The arena caches were closed at application shutdown");
                }
                current = caches;
                if (current == null) {
                    current = createAll();
                    caches = current;
                }
            }
        }
        return current;
    }

    private Map<String, ArenaCache<?, ?>> createAll() {
        Map<String, ArenaCache<?, ?>> result = new LinkedHashMap<>();
        List<ArenaCacheDecorator> ordered = decorators.stream()
                .sorted(Comparator.comparingInt(ArenaCacheDecorator::priority))
                .toList();
        try {
            for (String name : definitions.cacheNames()) {
                result.put(name, decorate(create(name), ordered));
            }
        } catch (RuntimeException e) {
            closeCreated();
            throw e;
        }
        return Collections.unmodifiableMap(result);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private ArenaCache<?, ?> create(String name) {
        ArenaCacheBuilder builder = ArenaCache.builder((Codec) definitions.keyCodec(name),
                (Codec) definitions.valueCodec(name));
        CacheRuntimeConfig cacheConfig = new NamedCacheConfig(
                ConfigProvider.getConfig().unwrap(SmallRyeConfig.class), name, config.caches().get(name));
        new CacheSettingsBinder(name, config.defaults(), cacheConfig).bind(builder);
        ArenaCache<?, ?> cache = builder.build();
        created.add(cache);
        LiveCaches.opened(cache);
        return cache;
    }

    private static ArenaCache<?, ?> decorate(ArenaCache<?, ?> cache, List<ArenaCacheDecorator> decorators) {
        ArenaCache<?, ?> result = cache;
        for (ArenaCacheDecorator decorator : decorators) {
            result = decorator.decorate(result);
        }
        return result;
    }

    /**
     * Closes the caches in a last shutdown task, after the container has destroyed every bean: the order in which
     * singletons are destroyed is undefined, and a bean's own {@code @PreDestroy} may still use a cache.
     */
    public void closeAfterContainer(ShutdownContext shutdown) {
        closeScheduled = true;
        shutdown.addLastShutdownTask(this::close);
    }

    /** Only where no shutdown task closes the caches (the manager used outside a Quarkus application start). */
    @PreDestroy
    void destroyed() {
        if (!closeScheduled) {
            close();
        }
    }

    /** Closes every cache and frees its off-heap memory. Idempotent. */
    public synchronized void close() {
        closed = true;
        caches = null;
        closeCreated();
    }

    private void closeCreated() {
        for (ArenaCache<?, ?> cache : created) {
            try {
                cache.close();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Failed to close arena cache '%s'", cache.name());
            } finally {
                LiveCaches.closed(cache);
            }
        }
        created.clear();
    }
}
