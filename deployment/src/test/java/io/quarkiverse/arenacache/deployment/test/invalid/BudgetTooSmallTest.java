package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A budget too small for one generation slab per shard fails, naming all three properties. */
class BudgetTooSmallTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.users.max-memory", "64K")
            .overrideConfigKey("quarkus.arena-cache.users.shards", "8")
            .assertException(Failures.messageContains(
                    "quarkus.arena-cache.\"users\".max-memory",
                    "quarkus.arena-cache.\"users\".shards",
                    "quarkus.arena-cache.generations",
                    "at least 4096"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
