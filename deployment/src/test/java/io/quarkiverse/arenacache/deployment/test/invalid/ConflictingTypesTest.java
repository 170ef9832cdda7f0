package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** Two injection points of one cache with different value types fail the build, naming both. */
class ConflictingTypesTest {

    @jakarta.inject.Singleton
    static class Other {
        @Inject
        @ArenaCacheName("users")
        ArenaCache<String, Long> users;
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Other.class))
            .assertException(Failures.messageContains(
                    "Arena cache 'users' is injected with different value types",
                    "ConflictingTypesTest#users",
                    "Other#users"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
