package io.quarkiverse.arenacache.runtime.tracing;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheSettings;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.ValueReader;

/**
 * Traces a cache's loads and administrative operations. A load span is started inside the loader, which the cache
 * calls only on a miss (once per key for concurrent callers), so hits cost nothing and never make spans.
 */
final class TracedArenaCache<K, V> implements ArenaCache<K, V> {

    private final ArenaCache<K, V> delegate;
    private final CacheSpans spans;

    TracedArenaCache(ArenaCache<K, V> delegate, CacheSpans spans) {
        this.delegate = delegate;
        this.spans = spans;
    }

    @Override
    public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        return delegate.getOrLoad(key, missingKey -> load(missingKey, loader));
    }

    private V load(K key, Function<? super K, ? extends V> loader) {
        Span span = spans.start("load", delegate.name());
        try (Scope ignored = span.makeCurrent()) {
            V value = loader.apply(key);
            if (value == null) {
                CacheSpans.fail(span, new NullPointerException("loader returned null for cache " + delegate.name()));
            } else {
                CacheSpans.succeed(span);
            }
            return value;
        } catch (Throwable failure) {
            // Throwable: a Kotlin loader or predicate may throw a checked exception through Function/Predicate.
            CacheSpans.fail(span, failure);
            throw CacheSpans.<RuntimeException> rethrow(failure);
        }
    }

    @Override
    public CompletionStage<V> getOrLoadAsync(K key,
            Function<? super K, ? extends CompletionStage<? extends V>> loader) {
        return delegate.getOrLoadAsync(key, missingKey -> loadAsync(missingKey, loader));
    }

    private CompletionStage<? extends V> loadAsync(K key,
            Function<? super K, ? extends CompletionStage<? extends V>> loader) {
        Span span = spans.start("load", delegate.name());
        CompletionStage<? extends V> stage;
        try (Scope ignored = span.makeCurrent()) {
            stage = loader.apply(key);
        } catch (Throwable failure) {
            // Throwable: a Kotlin loader or predicate may throw a checked exception through Function/Predicate.
            CacheSpans.fail(span, failure);
            throw CacheSpans.<RuntimeException> rethrow(failure);
        }
        if (stage == null) {
            CacheSpans.fail(span, new NullPointerException("loader returned a null stage for cache "
                    + delegate.name()));
            return null;
        }
        // The span ends when the load completes; the cache still sees the loader's own stage.
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                CacheSpans.fail(span, unwrap(failure));
            } else if (value == null) {
                CacheSpans.fail(span, new NullPointerException("loader completed with null for cache "
                        + delegate.name()));
            } else {
                CacheSpans.succeed(span);
            }
        });
        return stage;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public long invalidateIf(Predicate<? super K> predicate) {
        Span span = spans.start("invalidateIf", delegate.name());
        try (Scope ignored = span.makeCurrent()) {
            long removed = delegate.invalidateIf(predicate);
            span.setAttribute(CacheSpans.REMOVED, removed);
            CacheSpans.succeed(span);
            return removed;
        } catch (Throwable failure) {
            // Throwable: a Kotlin loader or predicate may throw a checked exception through Function/Predicate.
            CacheSpans.fail(span, failure);
            throw CacheSpans.<RuntimeException> rethrow(failure);
        }
    }

    @Override
    public void invalidateAll() {
        Span span = spans.start("invalidateAll", delegate.name());
        try (Scope ignored = span.makeCurrent()) {
            delegate.invalidateAll();
            CacheSpans.succeed(span);
        } catch (Throwable failure) {
            // Throwable: a Kotlin loader or predicate may throw a checked exception through Function/Predicate.
            CacheSpans.fail(span, failure);
            throw CacheSpans.<RuntimeException> rethrow(failure);
        }
    }

    // Everything else delegates untouched.

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public V get(K key) {
        return delegate.get(key);
    }

    @Override
    public <R> R read(K key, ValueReader<R> reader) {
        return delegate.read(key, reader);
    }

    @Override
    public boolean containsKey(K key) {
        return delegate.containsKey(key);
    }

    @Override
    public void put(K key, V value) {
        delegate.put(key, value);
    }

    @Override
    public void put(K key, V value, Duration ttl) {
        delegate.put(key, value, ttl);
    }

    @Override
    public boolean invalidate(K key) {
        return delegate.invalidate(key);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public CacheStats stats() {
        return delegate.stats();
    }

    @Override
    public CacheSettings settings() {
        return delegate.settings();
    }

    @Override
    public CacheLayout layout() {
        return delegate.layout();
    }

    @Override
    public Codec<K> keyCodec() {
        return delegate.keyCodec();
    }

    @Override
    public Codec<V> valueCodec() {
        return delegate.valueCodec();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
