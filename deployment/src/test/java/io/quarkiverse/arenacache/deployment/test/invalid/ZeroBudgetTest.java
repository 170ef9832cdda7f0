package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A zero memory budget fails the startup, naming the property. */
class ZeroBudgetTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.users.max-memory", "0")
            .assertException(Failures.messageContains(
                    "quarkus.arena-cache.\"users\".max-memory",
                    "must be positive"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
