package io.quarkiverse.arenacache.it;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The REST app reads users and products through injected off-heap caches. */
@QuarkusTest
class CachedResourcesTest {

    @Test
    void bothCachesExist() {
        // The application also holds the observability tests' caches (observe-*), listed before these.
        when().get("/caches").then().statusCode(200).body(endsWith(",products,users"));
    }

    @Test
    void configuredSettingsAndDefaultsApply() {
        when().get("/caches/users").then().statusCode(200)
                .body(containsString("maxMemory=16777216 shards=4 generations=4 ttl=PT10M"));
        when().get("/caches/products").then().statusCode(200)
                .body(containsString("maxMemory=8388608 shards=4 generations=8 ttl=none"));
    }

    @Test
    void secondReadIsServedFromTheCache() {
        when().delete("/users/1").then().statusCode(200);
        int before = loads();
        String first = when().get("/users/1").then().statusCode(200).extract().asString();
        String second = when().get("/users/1").then().statusCode(200).extract().asString();
        assertThat(first).isEqualTo("User[id=1, name=Ada, email=ada@example.com, tier=ENTERPRISE]");
        assertThat(second).isEqualTo(first);
        assertThat(loads()).isEqualTo(before + 1);
    }

    @Test
    void nullComponentsAndNestedRecordsRoundTrip() {
        when().get("/users/2").then().statusCode(200).body(equalTo("User[id=2, name=Alan, email=null, tier=FREE]"));
        when().get("/products/MUG-2").then().statusCode(200).body(equalTo(
                "Product[sku=MUG-2, title=Enigma mug, price=Price[cents=850, currency=GBP], stock=null]"));
        when().get("/products/BOOK-1").then().statusCode(200).body(containsString("price=Price[cents=1999"));
    }

    @Test
    void failedLoadsCacheNothing() {
        int before = loads();
        when().get("/users/404").then().statusCode(404);
        when().get("/users/404").then().statusCode(404);
        assertThat(loads()).isEqualTo(before + 2);
    }

    @Test
    void invalidationForcesAReload() {
        when().get("/users/2").then().statusCode(200);
        int before = loads();
        when().delete("/users/2").then().statusCode(200).body(equalTo("true"));
        when().get("/users/2").then().statusCode(200);
        assertThat(loads()).isEqualTo(before + 1);
    }

    private static int loads() {
        String info = when().get("/caches/users").then().statusCode(200).extract().asString();
        return Integer.parseInt(info.substring(info.indexOf("loads=") + "loads=".length()).trim());
    }
}
