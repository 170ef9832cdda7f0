package io.quarkiverse.arenacache.deployment.test.invalid;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A JDK type without a built-in codec fails the build saying so, not that the type is missing from the Jandex index
 * (indexing a JDK class would not help).
 */
class JdkTypeWithoutCodecTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .assertException(Failures.messageContains(
                    "No codec for type java.time.Instant",
                    "java.time.Instant is a JDK class without a built-in codec"));

    @Inject
    @ArenaCacheName("events")
    ArenaCache<String, Instant> events;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
