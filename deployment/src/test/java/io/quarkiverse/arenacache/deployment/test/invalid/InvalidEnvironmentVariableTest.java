package io.quarkiverse.arenacache.deployment.test.invalid;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.config.EnvConfigSource;

/** A bad value in an environment variable for a cache with a dash in its name fails the startup, naming it. */
class InvalidEnvironmentVariableTest {

    /** Stands in for the process environment. */
    public static class FakeEnvironment extends EnvConfigSource {
        public FakeEnvironment() {
            super(Map.of("QUARKUS_ARENA_CACHE_USER_SESSIONS_SHARDS", "3"), 300);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FakeEnvironment.class)
                    .addAsServiceProvider(ConfigSource.class, FakeEnvironment.class))
            .assertException(Failures.messageContains(
                    "Invalid value '3' for quarkus.arena-cache.\"user-sessions\".shards",
                    "shards must be a power of two between 1 and 4096, was 3"));

    @Inject
    @ArenaCacheName("user-sessions")
    ArenaCache<String, String> sessions;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
