package io.quarkiverse.arenacache.quarkuscache.runtime;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.quarkuscache.ArenaBackedCache;
import io.quarkus.cache.runtime.AbstractCache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A quarkus-cache cache backed by an arena cache. Loads go through the arena cache's single-flight
 * {@link ArenaCache#getOrLoadAsync}: concurrent callers of one key share one invocation without blocking in the cache
 * (so {@code @CacheResult(lockTimeout)} can give up waiting), and a failed invocation caches nothing.
 */
public final class ArenaQuarkusCache extends AbstractCache implements ArenaBackedCache {

    private final String name;
    private final ArenaCache<Object, Object> arena;

    public ArenaQuarkusCache(String name, ArenaCache<Object, Object> arena) {
        this.name = name;
        this.arena = arena;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public ArenaCache<Object, Object> arenaCache() {
        return arena;
    }

    @Override
    public <K, V> Uni<V> get(K key, Function<K, V> valueLoader) {
        Objects.requireNonNull(key, NULL_KEYS_NOT_SUPPORTED_MSG);
        // The first caller runs the loader on its own thread during subscription, as quarkus-cache does.
        return Uni.createFrom().completionStage(() -> arena.getOrLoadAsync(key, k -> {
            try {
                return CompletableFuture.completedFuture(toStored(valueLoader.apply(key)));
            } catch (Throwable failure) {
                return CompletableFuture.failedFuture(failure);
            }
        })).map(ArenaQuarkusCache::<V> fromStored);
    }

    @Override
    public <K, V> Uni<V> getAsync(K key, Function<K, Uni<V>> valueLoader) {
        Objects.requireNonNull(key, NULL_KEYS_NOT_SUPPORTED_MSG);
        Context origin = Vertx.currentContext();
        return Uni.createFrom().<Object> context(mutinyContext -> {
            CompletionStage<Object> stage;
            try {
                stage = arena.getOrLoadAsync(key, k -> {
                    try {
                        return valueLoader.apply(key).map(ArenaQuarkusCache::toStored)
                                .subscribeAsCompletionStage(mutinyContext);
                    } catch (Throwable failure) {
                        return CompletableFuture.failedFuture(failure);
                    }
                });
            } catch (RuntimeException failure) {
                return Uni.createFrom().failure(failure);
            }
            return Uni.createFrom().completionStage(stage);
        }).map(ArenaQuarkusCache::<V> fromStored).emitOn(new OriginContextExecutor(origin));
    }

    @Override
    public Uni<Void> invalidate(Object key) {
        Objects.requireNonNull(key, NULL_KEYS_NOT_SUPPORTED_MSG);
        return Uni.createFrom().item(() -> {
            // A key the codec cannot encode cannot be in the cache: nothing to remove.
            if (!(arena.keyCodec() instanceof ShapeCodec codec) || codec.canEncode(key)) {
                arena.invalidate(key);
            }
            return null;
        });
    }

    @Override
    public Uni<Void> invalidateAll() {
        return Uni.createFrom().item(() -> {
            arena.invalidateAll();
            return null;
        });
    }

    @Override
    public Uni<Void> invalidateIf(Predicate<Object> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return Uni.createFrom().item(() -> {
            arena.invalidateIf(predicate);
            return null;
        });
    }

    private static Object toStored(Object value) {
        return value == null ? ShapeCodec.NULL_VALUE : value;
    }

    @SuppressWarnings("unchecked")
    private static <V> V fromStored(Object value) {
        return value == ShapeCodec.NULL_VALUE ? null : (V) value;
    }

    @Override
    public String toString() {
        return "ArenaQuarkusCache[" + name + "]";
    }
}
