package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.deployment.test.invalid.unindexed.Point;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A value type outside the application's Jandex index (e.g. from a model module built without an index) fails the
 * build with a message that says how to get it indexed.
 */
class UnindexedValueTypeTest {

    // Point is deliberately not added to the application archive.
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UnindexedValueTypeTest.class))
            .assertException(Failures.messageContains(
                    "No codec for type " + Point.class.getName(),
                    "is not in the application's Jandex index",
                    "jandex-maven-plugin", "quarkus.index-dependency"));

    @Inject
    @ArenaCacheName("points")
    ArenaCache<String, Point> points;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
