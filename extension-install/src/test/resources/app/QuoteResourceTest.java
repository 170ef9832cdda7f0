package org.acme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.CoreMatchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuoteResourceTest {

    @Test
    void secondCallIsAHit() {
        given().get("/quotes/ada").then().statusCode(200).body(is("Caching is hard, said ada (hits=0)"));
        given().get("/quotes/ada").then().statusCode(200).body(is("Caching is hard, said ada (hits=1)"));
    }
}
