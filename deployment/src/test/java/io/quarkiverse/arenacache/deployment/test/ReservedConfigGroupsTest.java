package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Other configuration groups under {@code quarkus.arena-cache} (metrics, tracing, ...) coexist with the cache map:
 * their properties never create a cache.
 */
class ReservedConfigGroupsTest {

    /** Stands in for the observability helper's root, which owns {@code quarkus.arena-cache.metrics.*}. */
    @ConfigMapping(prefix = "quarkus.arena-cache.metrics")
    public interface TestMetricsConfig {
        /** Whether the group is enabled. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Likewise for {@code quarkus.arena-cache.dev-ui.*}. */
    @ConfigMapping(prefix = "quarkus.arena-cache.dev-ui")
    public interface TestDevUiConfig {
        /** Whether the group is enabled. */
        @WithDefault("true")
        boolean enabled();
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TestMetricsConfig.class, TestDevUiConfig.class))
            .overrideConfigKey("quarkus.arena-cache.metrics.enabled", "false")
            .overrideConfigKey("quarkus.arena-cache.dev-ui.enabled", "false")
            .overrideConfigKey("quarkus.arena-cache.users.max-memory", "1M");

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Inject
    ArenaCacheManager manager;

    @Inject
    TestMetricsConfig metrics;

    @Test
    void otherGroupsAreNotCaches() {
        assertThat(manager.cacheNames()).containsExactly("users");
        assertThat(metrics.enabled()).isFalse();
        assertThat(users.settings().maxMemory()).isEqualTo(1024 * 1024);
    }
}
