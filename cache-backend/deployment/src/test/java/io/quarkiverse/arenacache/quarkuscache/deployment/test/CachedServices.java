package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;

/**
 * Beans whose cached methods count their invocations, so tests can tell hits from invocations. Singletons (no client
 * proxy), so tests read the counters of the real instances.
 */
final class CachedServices {

    private CachedServices() {
    }

    record User(String id, int version) {
    }

    enum Tier {
        GOLD,
        SILVER
    }

    @Singleton
    static class Users {
        final AtomicInteger loads = new AtomicInteger();

        @CacheResult(cacheName = "users")
        User load(String id) {
            return new User(id, loads.incrementAndGet());
        }

        /** Same cache, a different key type and a null result. */
        @CacheResult(cacheName = "users")
        User byNumber(long number) {
            loads.incrementAndGet();
            return null;
        }

        @CacheInvalidate(cacheName = "users")
        void forget(String id) {
        }

        @CacheInvalidateAll(cacheName = "users")
        void forgetAll() {
        }
    }

    @Singleton
    static class Prices {
        final AtomicInteger computations = new AtomicInteger();

        @CacheResult(cacheName = "prices")
        long price(String sku, int quantity) {
            computations.incrementAndGet();
            return sku.length() * 100L * quantity;
        }

        /** Only the @CacheKey parameters make the key: the same composite as {@link #price}. */
        @CacheResult(cacheName = "prices")
        long priceWithNote(@CacheKey String sku, String note, @CacheKey int quantity) {
            computations.incrementAndGet();
            return -1;
        }

        @CacheResult(cacheName = "prices")
        long tierPrice(Tier tier, String sku) {
            computations.incrementAndGet();
            return tier.ordinal() + 1000L;
        }

        @CacheInvalidate(cacheName = "prices")
        void forget(String sku, int quantity) {
        }

        /** No parameters: quarkus-cache's DefaultCacheKey. */
        @CacheResult(cacheName = "prices")
        String currency() {
            computations.incrementAndGet();
            return "EUR";
        }
    }

    @Singleton
    static class Async {
        final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "async")
        Uni<User> user(String id) {
            return Uni.createFrom().item(() -> new User(id, calls.incrementAndGet()));
        }

        @CacheResult(cacheName = "async")
        CompletionStage<Integer> length(@CacheKey Integer seed, String text) {
            calls.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> seed + text.length());
        }

        @CacheResult(cacheName = "async")
        Uni<String> failingUni(String key) {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("uni failed for " + key));
        }
    }

    @Singleton
    static class Flaky {
        final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "flaky")
        String value(String key) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first call fails");
            }
            return key + "-ok";
        }
    }

    /** Blocks its first invocation until released, to make concurrent callers wait for it. */
    @Singleton
    static class Slow {
        final AtomicInteger calls = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(1);

        @CacheResult(cacheName = "slow")
        String value(String key) throws InterruptedException {
            return compute(key);
        }

        @CacheResult(cacheName = "slow-with-timeout", lockTimeout = 200)
        String valueWithTimeout(String key) throws InterruptedException {
            return compute(key);
        }

        private String compute(String key) throws InterruptedException {
            int call = calls.incrementAndGet();
            if (call == 1 && !release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never released the first call");
            }
            return key + "#" + call;
        }
    }
}
