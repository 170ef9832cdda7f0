package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.quarkuscache.ArenaBackedCache;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.CachedServices.Async;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.CachedServices.Flaky;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.CachedServices.Prices;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.CachedServices.Slow;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.CachedServices.Tier;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.CachedServices.User;
import io.quarkiverse.arenacache.quarkuscache.deployment.test.CachedServices.Users;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheManager;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CompositeCacheKey;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/** With {@code quarkus.cache.type=arena}, every quarkus-cache feature works on off-heap arena caches. */
class CacheAnnotationsOnArenaTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(CachedServices.class, User.class, Tier.class, Users.class,
                    Prices.class, Async.class, Flaky.class, Slow.class))
            .overrideConfigKey("quarkus.cache.type", "arena")
            .overrideConfigKey("quarkus.arena-cache.\"users\".max-memory", "2M")
            .overrideConfigKey("quarkus.arena-cache.\"users\".shards", "2");

    @Inject
    Users users;
    @Inject
    Prices prices;
    @Inject
    Async async;
    @Inject
    Flaky flaky;
    @Inject
    Slow slow;

    @Inject
    @CacheName("users")
    Cache usersCache;

    @Inject
    CacheManager cacheManager;

    @Inject
    ArenaCacheManager arenaCaches;

    @Test
    void cacheResultInvalidateAndInvalidateAll() {
        int before = users.loads.get();
        User first = users.load("ann");
        assertThat(users.load("ann")).isEqualTo(first);
        assertThat(users.loads.get()).isEqualTo(before + 1);

        users.forget("ann");
        User reloaded = users.load("ann");
        assertThat(reloaded.version()).isGreaterThan(first.version());
        assertThat(users.loads.get()).isEqualTo(before + 2);

        users.load("bob");
        assertThat(users.loads.get()).isEqualTo(before + 3);
        users.forgetAll();
        users.load("ann");
        users.load("bob");
        assertThat(users.loads.get()).as("@CacheInvalidateAll dropped both").isEqualTo(before + 5);
    }

    @Test
    void nullResultsAreCachedAndSeveralKeyTypesShareACache() {
        int before = users.loads.get();
        assertThat(users.byNumber(7)).isNull();
        assertThat(users.byNumber(7)).isNull();
        assertThat(users.loads.get()).isEqualTo(before + 1);
        users.load("7");
        assertThat(users.loads.get()).as("String \"7\" and long 7 are different keys").isEqualTo(before + 2);
    }

    @Test
    void compositeKeysFromAllParametersOrCacheKeyParameters() {
        int before = prices.computations.get();
        assertThat(prices.price("abc", 2)).isEqualTo(600);
        assertThat(prices.price("abc", 2)).isEqualTo(600);
        assertThat(prices.priceWithNote("abc", "any note", 2)).as("same @CacheKey composite").isEqualTo(600);
        assertThat(prices.computations.get()).isEqualTo(before + 1);

        assertThat(prices.price("abc", 3)).isEqualTo(900);
        assertThat(prices.tierPrice(Tier.SILVER, "abc")).isEqualTo(1001);
        assertThat(prices.tierPrice(Tier.SILVER, "abc")).isEqualTo(1001);
        assertThat(prices.computations.get()).isEqualTo(before + 3);

        prices.forget("abc", 2);
        prices.price("abc", 2);
        assertThat(prices.computations.get()).isEqualTo(before + 4);

        Cache cache = cacheManager.getCache("prices").orElseThrow();
        assertThat(cache.<Object, Long> get(new CompositeCacheKey("abc", 3), k -> -5L).await().atMost(WAIT))
                .as("programmatic composite key reaches the annotated entry").isEqualTo(900);
    }

    @Test
    void noArgumentMethodsUseTheDefaultKey() {
        int before = prices.computations.get();
        assertThat(prices.currency()).isEqualTo("EUR");
        assertThat(prices.currency()).isEqualTo("EUR");
        assertThat(prices.computations.get()).isEqualTo(before + 1);
        Cache cache = cacheManager.getCache("prices").orElseThrow();
        assertThat(cache.<Object, String> get(cache.getDefaultKey(), k -> "USD").await().atMost(WAIT))
                .isEqualTo("EUR");
    }

    @Test
    void uniAndCompletionStageResults() throws Exception {
        int before = async.calls.get();
        User fromUni = async.user("u1").await().atMost(WAIT);
        assertThat(async.user("u1").await().atMost(WAIT)).isEqualTo(fromUni);
        assertThat(async.calls.get()).isEqualTo(before + 1);

        assertThat(async.length(10, "abc").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(13);
        assertThat(async.length(10, "ignored").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(13);
        assertThat(async.calls.get()).isEqualTo(before + 2);

        assertThatThrownBy(() -> async.failingUni("x").await().atMost(WAIT)).hasMessage("uni failed for x");
        assertThatThrownBy(() -> async.failingUni("x").await().atMost(WAIT)).hasMessage("uni failed for x");
        assertThat(async.calls.get()).as("a failed Uni is not cached").isEqualTo(before + 4);
    }

    @Test
    void exceptionsAreNotCached() {
        flaky.calls.set(0);
        assertThatThrownBy(() -> flaky.value("k")).isInstanceOf(IllegalStateException.class)
                .hasMessage("first call fails");
        assertThat(flaky.value("k")).isEqualTo("k-ok");
        assertThat(flaky.value("k")).isEqualTo("k-ok");
        assertThat(flaky.calls.get()).isEqualTo(2);
    }

    @Test
    void tenConcurrentIdenticalCallsInvokeTheMethodOnce() throws Exception {
        slow.calls.set(0);
        slow.release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Thread> threads = new ArrayList<>();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    synchronized (threads) {
                        threads.add(Thread.currentThread());
                    }
                    return slow.value("same");
                }));
            }
            // Wait until the one invocation runs and the nine other callers are parked waiting for it.
            awaitTrue(() -> slow.calls.get() == 1 && parked(threads) >= 9);
            slow.release.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("same#1");
            }
            assertThat(slow.calls.get()).isEqualTo(1);
        } finally {
            slow.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void lockTimeoutLetsAWaitingCallerInvokeTheMethodItself() throws Exception {
        slow.calls.set(0);
        slow.release = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return slow.valueWithTimeout("t");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            awaitTrue(() -> slow.calls.get() == 1);
            // The first invocation holds the key: after lockTimeout this caller runs the method without caching.
            assertThat(slow.valueWithTimeout("t")).isEqualTo("t#2");
            assertThat(first).isNotDone();
        } finally {
            slow.release.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("t#1");
        assertThat(slow.valueWithTimeout("t")).as("the first invocation's value was cached").isEqualTo("t#1");
        assertThat(slow.calls.get()).isEqualTo(2);
    }

    @Test
    void programmaticApi() {
        Cache cache = usersCache;
        assertThat(cache.getName()).isEqualTo("users");
        User loaded = cache.<String, User> get("prog", k -> new User(k, 1)).await().atMost(WAIT);
        assertThat(cache.<String, User> get("prog", k -> new User(k, 2)).await().atMost(WAIT)).isEqualTo(loaded);
        assertThat(users.load("prog")).as("the annotations see programmatic entries").isEqualTo(loaded);

        User async = cache.<String, User> getAsync("prog-async", k -> Uni.createFrom().item(new User(k, 3)))
                .await().atMost(WAIT);
        assertThat(cache.<String, User> getAsync("prog-async", k -> Uni.createFrom().item(new User(k, 4)))
                .await().atMost(WAIT)).isEqualTo(async);

        cache.invalidate("prog").await().atMost(WAIT);
        assertThat(cache.<String, User> get("prog", k -> new User(k, 5)).await().atMost(WAIT).version()).isEqualTo(5);

        cache.invalidate(new StringBuilder("a key type the cache cannot hold")).await().atMost(WAIT);
        assertThatThrownBy(() -> cache.get(new StringBuilder("x"), k -> new User("x", 1)).await().atMost(WAIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot store keys of type")
                .hasMessageContaining("java.lang.StringBuilder").hasMessageContaining("key-codec");

        cache.invalidateAll().await().atMost(WAIT);
        assertThat(arena(cache).size()).isZero();
    }

    @Test
    void invalidateIfSeesDecodedKeys() {
        Cache cache = usersCache;
        cache.invalidateAll().await().atMost(WAIT);
        for (String id : List.of("keep-1", "drop-1", "drop-2")) {
            users.load(id);
        }
        users.byNumber(42);
        cache.invalidateIf(key -> key instanceof String s && s.startsWith("drop")).await().atMost(WAIT);
        ArenaCache<Object, Object> arena = arena(cache);
        assertThat(arena.size()).isEqualTo(2);
        assertThat(arena.containsKey("keep-1")).isTrue();
        assertThat(arena.containsKey(42L)).isTrue();
        assertThat(arena.containsKey("drop-1")).isFalse();
    }

    @Test
    void asReachesTheArenaCacheWithItsConfiguration() {
        ArenaBackedCache backed = usersCache.as(ArenaBackedCache.class);
        ArenaCache<Object, Object> arena = backed.arenaCache();
        assertThat(arena.name()).isEqualTo("users");
        assertThat(arena.settings().maxMemory()).isEqualTo(2 * 1024 * 1024);
        assertThat(arena.settings().shards()).isEqualTo(2);
        assertThat(arenaCaches.cacheNames()).contains("users", "prices", "async", "flaky", "slow",
                "slow-with-timeout");
        assertThat(arenaCaches.getCache("users")).containsSame(arena);
        assertThatThrownBy(() -> usersCache.as(io.quarkus.cache.CaffeineCache.class))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ArenaCache<Object, Object> arena(Cache cache) {
        return cache.as(ArenaBackedCache.class).arenaCache();
    }

    private static int parked(List<Thread> threads) {
        synchronized (threads) {
            int parked = 0;
            for (Thread thread : threads) {
                Thread.State state = thread.getState();
                if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                    parked++;
                }
            }
            return parked;
        }
    }

    /** Spins (yielding) until the condition holds; fails after ten seconds instead of hanging. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + WAIT);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
