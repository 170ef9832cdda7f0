package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** Generations outside 2..64 fail, naming the property and the range. */
class GenerationsOutOfRangeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.users.generations", "1")
            .assertException(Failures.messageContains(
                    "quarkus.arena-cache.\"users\".generations",
                    "between 2 and 64"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
