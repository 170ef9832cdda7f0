package io.quarkiverse.arenacache.examples.basic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The catalogue's caching, observed through the cache statistics and the repository's lookup counter, never through
 * timing. Every test uses its own product ids and compares before/after figures, so the tests are independent.
 */
@QuarkusTest
class CatalogueCachingTest {

    @Inject
    ArenaCacheManager caches;

    @Inject
    ProductRepository repository;

    @Test
    void secondReadIsServedFromTheCacheWithoutTouchingTheRepository() {
        CacheStats before = products().stats();
        long lookupsBefore = repository.lookups();

        for (int i = 0; i < 2; i++) {
            given().get("/products/11").then().statusCode(200)
                    .body("product.id", equalTo(11))
                    .body("product.name", equalTo("Product 11"))
                    .body("product.category", equalTo("TOOLS"))
                    .body("product.priceCents", equalTo(1600))
                    .body("deal", nullValue())
                    .body("priceToPayCents", equalTo(1600));
        }

        CacheStats after = products().stats();
        assertThat(repository.lookups() - lookupsBefore).as("repository lookups").isEqualTo(1);
        assertThat(after.misses() - before.misses()).as("misses").isEqualTo(1);
        assertThat(after.hits() - before.hits()).as("hits").isEqualTo(1);
        assertThat(after.loadSuccesses() - before.loadSuccesses()).as("loads").isEqualTo(1);
        assertThat(products().containsKey(11L)).isTrue();
    }

    @Test
    void unknownProductIsNotFoundAndTheFailureIsNotCached() {
        CacheStats before = products().stats();
        long lookupsBefore = repository.lookups();

        for (int i = 0; i < 2; i++) {
            // the message is plain text, and says so (it was labelled application/json)
            given().get("/products/9999").then().statusCode(404).contentType(startsWith("text/plain"))
                    .body(containsString("No product with id 9999"));
        }

        assertThat(repository.lookups() - lookupsBefore).as("each request asks the repository again").isEqualTo(2);
        assertThat(products().stats().loadFailures() - before.loadFailures()).isEqualTo(2);
        assertThat(products().containsKey(9999L)).isFalse();
    }

    @Test
    void concurrentRequestsForOneMissingProductShareOneRepositoryCall() throws Exception {
        long lookupsBefore = repository.lookups();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> given().get("/products/14").then().extract().statusCode());
            }
            for (Future<Integer> status : clients.invokeAll(requests)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(repository.lookups() - lookupsBefore).as("single flight").isEqualTo(1);
    }

    @Test
    void priceChangeInvalidatesTheCachedProduct() {
        given().get("/products/12").then().statusCode(200).body("product.priceCents", equalTo(1700));
        long lookupsBefore = repository.lookups();

        given().contentType("text/plain").body("1999").put("/products/12/price").then().statusCode(200)
                .body("product.priceCents", equalTo(1999));
        given().get("/products/12").then().statusCode(200).body("product.priceCents", equalTo(1999));

        assertThat(repository.lookups() - lookupsBefore).as("one reload after the invalidation").isEqualTo(1);
    }

    @Test
    void badPriceIsRejected() {
        given().contentType("text/plain").body("-5").put("/products/12/price").then().statusCode(400);
        given().contentType("text/plain").body("cheap").put("/products/12/price").then().statusCode(400);
    }

    @Test
    void dealLivesInItsOwnCacheWithItsOwnTimeToLive() {
        ArenaCache<Long, Deal> deals = cache("deals");
        // The deals cache has no cache-wide expiry: the only expiry of a deal is the TTL given to put(k, v, ttl).
        assertThat(deals.settings().expireAfterWrite()).isEmpty();
        long startedAt = System.currentTimeMillis();

        given().post("/products/13/deal?percentOff=20&minutes=15").then().statusCode(200)
                .body("deal.percentOff", equalTo(20))
                .body("priceToPayCents", equalTo(1440));
        Deal stored = deals.get(13L);
        assertThat(stored).isNotNull();
        assertThat(stored.expiresAtEpochMillis()).isBetween(startedAt + 15 * 60_000, System.currentTimeMillis()
                + 15 * 60_000);
        given().get("/products/13").then().statusCode(200).body("deal.percentOff", equalTo(20));

        given().delete("/products/13/deal").then().statusCode(204);
        given().get("/products/13").then().statusCode(200).body("deal", nullValue()).body("priceToPayCents",
                equalTo(1800));
        given().delete("/products/13/deal").then().statusCode(404);
    }

    @Test
    void dealParametersAreValidated() {
        given().post("/products/13/deal?percentOff=0&minutes=15").then().statusCode(400);
        given().post("/products/13/deal?percentOff=20").then().statusCode(400);
        given().post("/products/9998/deal?percentOff=20&minutes=5").then().statusCode(404);
    }

    @Test
    void statsEndpointReportsEveryCache() {
        given().get("/products/16").then().statusCode(200);
        given().get("/cache-stats").then().statusCode(200)
                .body("caches.products.entries", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("caches.deals.maxMemory", equalTo(1024 * 1024))
                .body("repositoryLookups", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    private ArenaCache<Long, Product> products() {
        return cache("products");
    }

    private <V> ArenaCache<Long, V> cache(String name) {
        return caches.<Long, V> getCache(name).orElseThrow(() -> new AssertionError("no cache " + name));
    }
}
