package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.config.EnvConfigSource;

/**
 * Run-time settings given as environment variables (e.g. {@code QUARKUS_ARENA_CACHE_USERS_MAX_MEMORY=2G}, to size a
 * cache per environment without rebuilding) apply to every cache, also to caches whose names contain a dash, which an
 * environment variable name cannot spell, and also when application.properties does not mention the cache.
 */
class EnvironmentVariablesTest {

    /** Stands in for the process environment: the same config source class, with fixed variables. */
    public static class FakeEnvironment extends EnvConfigSource {
        public FakeEnvironment() {
            super(Map.of(
                    "QUARKUS_ARENA_CACHE_USERS_MAX_MEMORY", "2M",
                    "QUARKUS_ARENA_CACHE_USER_SESSIONS_MAX_MEMORY", "4M",
                    "QUARKUS_ARENA_CACHE_USER_SESSIONS_SHARDS", "2",
                    "QUARKUS_ARENA_CACHE_USER_SESSIONS_EXPIRE_AFTER_WRITE", "5M",
                    "QUARKUS_ARENA_CACHE__PRODUCT_DETAILS__GENERATIONS", "4",
                    "QUARKUS_ARENA_CACHE_ORDER_LINES_MAX_MEMORY", "3M",
                    "QUARKUS_ARENA_CACHE__API_TOKENS__MAX_MEMORY", "5M",
                    "QUARKUS_ARENA_CACHE_API_TOKENS_SHARDS", "2"), 300);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FakeEnvironment.class)
                    .addAsServiceProvider(ConfigSource.class, FakeEnvironment.class))
            .overrideConfigKey("quarkus.arena-cache.order-lines.max-memory", "1M")
            .overrideConfigKey("quarkus.arena-cache.order-lines.shards", "4");

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Inject
    @ArenaCacheName("user-sessions")
    ArenaCache<String, String> sessions;

    @Inject
    @ArenaCacheName("product-details")
    ArenaCache<String, String> products;

    @Inject
    @ArenaCacheName("order-lines")
    ArenaCache<String, String> orderLines;

    @Inject
    @ArenaCacheName("api.tokens")
    ArenaCache<String, String> tokens;

    @Test
    void aPlainNameIsSetByItsVariable() {
        assertThat(users.settings().maxMemory()).isEqualTo(2L * 1024 * 1024);
    }

    @Test
    void aDashedNameIsSetByItsVariable() {
        assertThat(sessions.settings().maxMemory()).isEqualTo(4L * 1024 * 1024);
        assertThat(sessions.settings().shards()).isEqualTo(2);
        assertThat(sessions.settings().expireAfterWrite()).contains(Duration.ofMinutes(5));
        assertThat(sessions.settings().generations()).isEqualTo(8);
    }

    @Test
    void theQuotedFormOfTheVariableWorksToo() {
        assertThat(products.settings().generations()).isEqualTo(4);
        assertThat(products.settings().maxMemory()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void aVariableOverridesApplicationPropertiesAndLeavesTheOtherPropertiesAlone() {
        assertThat(orderLines.settings().maxMemory()).isEqualTo(3L * 1024 * 1024);
        assertThat(orderLines.settings().shards()).isEqualTo(4);
    }

    /** A dot cannot be told from the dots between segments: only the quoted form names a dotted cache. */
    @Test
    void aDottedNameIsSetOnlyByTheQuotedForm() {
        assertThat(tokens.settings().maxMemory()).isEqualTo(5L * 1024 * 1024);
        assertThat(tokens.settings().shards()).isEqualTo(16);
    }
}
