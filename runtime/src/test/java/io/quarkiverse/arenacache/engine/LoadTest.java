package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.RemovalCause;

class LoadTest {

    private final FakeTicker ticker = new FakeTicker();
    private final ArenaCache<String, String> cache = ArenaCache.builder(Codecs.strings(), Codecs.strings())
            .name("loads").maxMemory(1 << 20).shards(4).generations(4).ticker(ticker).build();

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void loadsOnMissAndCachesTheValueCountingLoadTime() {
        assertThat(cache.getOrLoad("k", k -> {
            ticker.advanceNanos(1234);
            return k + "!";
        })).isEqualTo("k!");
        assertThat(cache.getOrLoad("k", k -> "never")).isEqualTo("k!");
        CacheStats stats = cache.stats();
        assertThat(stats.loadSuccesses()).isEqualTo(1);
        assertThat(stats.loadFailures()).isZero();
        assertThat(stats.totalLoadTimeNanos()).isEqualTo(1234);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.puts()).isEqualTo(1);
    }

    @Test
    void failingLoaderCachesNothingAndRethrowsAsIs() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> cache.getOrLoad("k", k -> {
            throw boom;
        })).isSameAs(boom);
        AssertionError error = new AssertionError("error");
        assertThatThrownBy(() -> cache.getOrLoad("k", k -> {
            throw error;
        })).isSameAs(error);
        assertThatThrownBy(() -> cache.getOrLoad("k", k -> null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("loader");
        assertThat(cache.containsKey("k")).isFalse();
        CacheStats stats = cache.stats();
        assertThat(stats.loadFailures()).isEqualTo(3);
        assertThat(stats.loadSuccesses()).isZero();
        assertThat(stats.puts()).isZero();
        assertThat(cache.getOrLoad("k", k -> "ok")).isEqualTo("ok");
    }

    @Test
    void recursiveLoadOfTheSameKeyFailsInsteadOfDeadlocking() {
        assertThatThrownBy(() -> cache.getOrLoad("k", k -> cache.getOrLoad("k", k2 -> "inner")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("recursive");
        // a loader may load other keys
        assertThat(cache.getOrLoad("a", k -> cache.getOrLoad("b", k2 -> "b") + "a")).isEqualTo("ba");
        assertThat(cache.get("b")).isEqualTo("b");
    }

    @Test
    void concurrentCallersShareOneLoad() throws Exception {
        int callers = 8;
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch loaderStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> cache.getOrLoad("k", k -> {
                    invocations.incrementAndGet();
                    loaderStarted.countDown();
                    await(release);
                    return "loaded";
                })));
            }
            assertThat(loaderStarted.await(10, TimeUnit.SECONDS)).isTrue();
            waitForMisses(callers);
            release.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("loaded");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(invocations).hasValue(1);
        assertThat(cache.stats().loadSuccesses()).isEqualTo(1);
    }

    /** Waits (bounded, without sleeping) until every caller has missed and so is about to join the flight. */
    private void waitForMisses(int callers) {
        for (int i = 0; i < 100_000_000 && cache.stats().misses() < callers; i++) {
            Thread.onSpinWait();
        }
        assertThat(cache.stats().misses()).isEqualTo(callers);
    }

    @Test
    void aFailureReachesEveryWaitingCaller() throws Exception {
        int callers = 4;
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch inLoader = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("load failed");
        // the leader starts first and holds the flight until the others have joined it
        CompletableFuture<Throwable> leader = CompletableFuture.supplyAsync(() -> catching(() -> cache.getOrLoad("k",
                k -> {
                    invocations.incrementAndGet();
                    inLoader.countDown();
                    await(release);
                    throw failure;
                })));
        assertThat(inLoader.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Throwable>> waiters = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            CompletableFuture<Throwable> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            threads.add(Thread.ofPlatform().start(() -> waiter.complete(catching(() -> cache.getOrLoad("k", k -> {
                invocations.incrementAndGet();
                return "second load";
            })))));
        }
        // each waiter has counted its miss before it joins the flight
        for (int i = 0; i < 10_000_000 && cache.stats().misses() < callers + 1; i++) {
            Thread.onSpinWait();
        }
        release.countDown();
        assertThat(leader.get(10, TimeUnit.SECONDS)).isSameAs(failure);
        for (CompletableFuture<Throwable> waiter : waiters) {
            Throwable seen = waiter.get(10, TimeUnit.SECONDS);
            // a waiter that arrived after the flight ended loads again (and succeeds): both are allowed
            assertThat(seen == failure || seen == null).isTrue();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(cache.stats().loadFailures()).isEqualTo(1);
        assertThat(cache.stats().loadSuccesses() + cache.stats().loadFailures()).isEqualTo(invocations.get());
    }

    private static Throwable catching(Runnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void asyncLoadSharesTheStageAndCachesOnSuccess() throws Exception {
        CompletableFuture<String> source = new CompletableFuture<>();
        AtomicInteger invocations = new AtomicInteger();
        CompletionStage<String> first = cache.getOrLoadAsync("k", k -> {
            invocations.incrementAndGet();
            ticker.advanceNanos(10);
            return source;
        });
        CompletionStage<String> second = cache.getOrLoadAsync("k", k -> {
            invocations.incrementAndGet();
            return CompletableFuture.completedFuture("other");
        });
        assertThat(first.toCompletableFuture().isDone()).isFalse();
        source.complete("async");
        assertThat(first.toCompletableFuture().get()).isEqualTo("async");
        assertThat(second.toCompletableFuture().get()).isEqualTo("async");
        assertThat(invocations).hasValue(1);
        assertThat(cache.get("k")).isEqualTo("async");
        assertThat(cache.getOrLoadAsync("k", k -> null).toCompletableFuture().get()).isEqualTo("async");
        CacheStats stats = cache.stats();
        assertThat(stats.loadSuccesses()).isEqualTo(1);
        assertThat(stats.totalLoadTimeNanos()).isEqualTo(10);
    }

    @Test
    void asyncFailuresCacheNothing() {
        IllegalStateException boom = new IllegalStateException("boom");
        CompletionStage<String> failed = cache.getOrLoadAsync("k", k -> CompletableFuture.failedFuture(boom));
        assertThatThrownBy(() -> failed.toCompletableFuture().get()).isInstanceOf(ExecutionException.class)
                .hasCause(boom);
        CompletionStage<String> nullValue = cache.getOrLoadAsync("k", k -> CompletableFuture.completedFuture(null));
        assertThatThrownBy(() -> nullValue.toCompletableFuture().get()).hasCauseInstanceOf(NullPointerException.class);
        CompletionStage<String> throwing = cache.getOrLoadAsync("k", k -> {
            throw boom;
        });
        assertThatThrownBy(() -> throwing.toCompletableFuture().get()).hasCause(boom);
        assertThat(cache.containsKey("k")).isFalse();
        assertThat(cache.stats().loadFailures()).isEqualTo(3);
        assertThat(cache.getOrLoadAsync("k", k -> CompletableFuture.completedFuture("ok")).toCompletableFuture()
                .join()).isEqualTo("ok");
    }

    @Test
    void loadedValuesGetTheCacheWideTtl() {
        ArenaCache<String, String> expiring = ArenaCache.builder(Codecs.strings(), Codecs.strings())
                .maxMemory(1 << 20).shards(1).expireAfterWrite(Duration.ofSeconds(1)).ticker(ticker).build();
        try {
            expiring.getOrLoad("k", k -> "v");
            ticker.advance(Duration.ofSeconds(1));
            assertThat(expiring.getOrLoad("k", k -> "v2")).isEqualTo("v2");
            assertThat(expiring.stats().loadSuccesses()).isEqualTo(2);
        } finally {
            expiring.close();
        }
    }
    @Test
    void aKeyInvalidatedWhileLoadingReturnsTheValueButDoesNotKeepIt() throws Exception {
        CountDownLatch loaderStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Future<String> loading = pool.submit(() -> cache.getOrLoad("k", k -> {
                loaderStarted.countDown();
                await(release);
                return "stale";
            }));
            assertThat(loaderStarted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cache.invalidate("k")).isFalse(); // nothing stored yet, but the load is now stale
            release.countDown();
            assertThat(loading.get(10, TimeUnit.SECONDS)).isEqualTo("stale");
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.containsKey("k")).isFalse();
        assertThat(cache.stats().loadSuccesses()).isEqualTo(1);
        assertThat(cache.stats().puts()).isZero();
        // the next load starts afresh and is kept
        assertThat(cache.getOrLoad("k", k -> "fresh")).isEqualTo("fresh");
        assertThat(cache.get("k")).isEqualTo("fresh");
    }

    @Test
    void invalidateAllAndInvalidateIfAlsoDiscardMatchingLoadsInFlight() {
        assertThat(cache.getOrLoad("all", k -> {
            cache.invalidateAll();
            return "v";
        })).isEqualTo("v");
        assertThat(cache.containsKey("all")).isFalse();

        assertThat(cache.getOrLoad("drop-me", k -> {
            cache.invalidateIf(key -> key.startsWith("drop"));
            return "v";
        })).isEqualTo("v");
        assertThat(cache.containsKey("drop-me")).isFalse();

        assertThat(cache.getOrLoad("keep-me", k -> {
            cache.invalidateIf(key -> key.startsWith("drop"));
            cache.invalidate("other");
            return "v";
        })).isEqualTo("v");
        assertThat(cache.get("keep-me")).isEqualTo("v");
    }

    @Test
    void anAsyncLoadInvalidatedBeforeItCompletesIsNotKept() throws Exception {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletionStage<String> loading = cache.getOrLoadAsync("k", k -> source);
        assertThat(cache.invalidate("k")).isFalse();
        source.complete("stale");
        assertThat(loading.toCompletableFuture().get()).isEqualTo("stale");
        assertThat(cache.containsKey("k")).isFalse();
        assertThat(cache.stats().loadSuccesses()).isEqualTo(1);
    }

    /**
     * A cache whose listener, told of the first expiry (of key "k"), invalidates "k" and puts "fresh": run from a
     * load's store, that is an invalidation and a put landing while the load stores.
     */
    private ArenaCache<String, String> racingInvalidateAndPut(AtomicBoolean raced) {
        @SuppressWarnings("unchecked")
        ArenaCache<String, String>[] holder = new ArenaCache[1];
        holder[0] = ArenaCache.builder(Codecs.strings(), Codecs.strings()).maxMemory(1 << 20).shards(1)
                .ticker(ticker).evictionListener((k, v, cause) -> {
                    if (cause == RemovalCause.EXPIRED && raced.compareAndSet(false, true)) {
                        holder[0].invalidate("k");
                        holder[0].put("k", "fresh");
                    }
                }).build();
        return holder[0];
    }

    /**
     * A load invalidated while it stores must not remove a value put after that invalidation: here the listener,
     * run by the load's put (it replaces an expired value), invalidates the key and puts a fresh value meanwhile.
     */
    @Test
    void aValuePutAfterAnInvalidationSurvivesTheStaleLoad() {
        AtomicBoolean raced = new AtomicBoolean();
        ArenaCache<String, String> cache = racingInvalidateAndPut(raced);
        try {
            String loaded = cache.getOrLoad("k", k -> {
                cache.put(k, "old", Duration.ofNanos(1));
                ticker.advanceNanos(1);
                return "loaded";
            });
            assertThat(loaded).isEqualTo("loaded");
            assertThat(raced).isTrue();
            assertThat(cache.get("k")).isEqualTo("fresh");
        } finally {
            cache.close();
        }
    }

    @Test
    void aValuePutAfterAnInvalidationSurvivesTheStaleAsyncLoad() throws Exception {
        AtomicBoolean raced = new AtomicBoolean();
        ArenaCache<String, String> cache = racingInvalidateAndPut(raced);
        try {
            CompletableFuture<String> source = new CompletableFuture<>();
            var loading = cache.getOrLoadAsync("k", k -> source);
            cache.put("k", "old", Duration.ofNanos(1));
            ticker.advanceNanos(1);
            source.complete("loaded");
            assertThat(loading.toCompletableFuture().get()).isEqualTo("loaded");
            assertThat(raced).isTrue();
            assertThat(cache.get("k")).isEqualTo("fresh");
        } finally {
            cache.close();
        }
    }
    /**
     * The async path's second lookup (after registering its flight) can fail, e.g. decoding a value put meanwhile.
     * Its flight must not stay registered: every later load of the key would wait on it forever.
     */
    @Test
    void anAsyncLoadWhoseSecondLookupFailsLeavesNoFlightBehind() throws Exception {
        AtomicInteger encodesBeforePut = new AtomicInteger(-1);
        @SuppressWarnings("unchecked")
        ArenaCache<String, String>[] holder = new ArenaCache[1];
        io.quarkiverse.arenacache.Codec<String> keys = new io.quarkiverse.arenacache.Codec<>() {
            @Override
            public int encodedSize(String value) {
                return Codecs.strings().encodedSize(value);
            }

            @Override
            public void encode(String value, java.lang.foreign.MemorySegment target, long offset) {
                Codecs.strings().encode(value, target, offset);
                if (encodesBeforePut.getAndDecrement() == 0) {
                    holder[0].put("k", "decode-throws"); // a value that cannot be decoded, put meanwhile
                }
            }

            @Override
            public String decode(java.lang.foreign.MemorySegment source, long offset, int length) {
                return Codecs.strings().decode(source, offset, length);
            }
        };
        holder[0] = ArenaCache.builder(keys, new CodecFailureTest.Treacherous()).maxMemory(1 << 20).shards(1)
                .ticker(ticker).build();
        ArenaCache<String, String> failing = holder[0];
        try {
            // encodes: the first lookup's (a miss), then the flight key's, after which the bad value lands
            encodesBeforePut.set(1);
            try {
                failing.getOrLoadAsync("k", k -> CompletableFuture.completedFuture("loaded")).toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } catch (UnsupportedOperationException | ExecutionException decodeFailure) {
                // the bad value's decode failure, reported either way
            }
            failing.invalidate("k");
            Future<String> later = java.util.concurrent.ForkJoinPool.commonPool()
                    .submit(() -> failing.getOrLoad("k", k -> "fresh"));
            try {
                assertThat(later.get(10, TimeUnit.SECONDS)).isEqualTo("fresh");
            } catch (java.util.concurrent.TimeoutException hung) {
                throw new AssertionError("a later load waits forever on the failed load's flight");
            }
        } finally {
            failing.close();
        }
    }
    /**
     * An async loader runs on the calling thread until it returns its stage: if it asks for the key it is loading
     * synchronously, it must get the same {@code IllegalStateException} as a synchronous loader, not wait forever
     * for its own load.
     */
    @Test
    void anAsyncLoaderAskingForItsOwnKeyFailsInsteadOfDeadlocking() throws Exception {
        Future<CompletionStage<String>> loading = java.util.concurrent.ForkJoinPool.commonPool()
                .submit(() -> cache.getOrLoadAsync("k", k -> {
                    cache.getOrLoad(k, inner -> "inner");
                    return CompletableFuture.completedFuture("outer");
                }));
        CompletionStage<String> stage;
        try {
            stage = loading.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException hung) {
            throw new AssertionError("the async loader waits forever for its own load");
        }
        assertThatThrownBy(() -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("recursive load");
        assertThat(cache.containsKey("k")).isFalse();
        // once the loader has returned its stage, another call on the same thread waits for the load as usual
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletionStage<String> pending = cache.getOrLoadAsync("k", k -> source);
        CompletableFuture.runAsync(() -> source.complete("later"));
        assertThat(cache.getOrLoad("k", k -> "never")).isEqualTo("later");
        assertThat(pending.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("later");
    }
}
