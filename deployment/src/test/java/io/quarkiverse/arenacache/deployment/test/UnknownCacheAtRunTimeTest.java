package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.runtime.ArenaCacheManagerImpl;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.config.EnvConfigSource;

/**
 * Which caches exist is fixed at build time. A run-time property given at launch for a cache the build does not
 * have (a typo, or a cache the application no longer injects) cannot take effect: startup says so, naming the
 * property and the caches there are, instead of ignoring it without a word.
 */
class UnknownCacheAtRunTimeTest {

    /** Stands in for the process environment: a variable for an existing cache with a dash in its name. */
    public static class FakeEnvironment extends EnvConfigSource {
        public FakeEnvironment() {
            super(Map.of("QUARKUS_ARENA_CACHE_USER_SESSIONS_MAX_MEMORY", "2M"), 300);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FakeEnvironment.class)
                    .addAsServiceProvider(ConfigSource.class, FakeEnvironment.class))
            .overrideConfigKey("quarkus.arena-cache.users.shards", "2")
            .overrideRuntimeConfigKey("quarkus.arena-cache.userz.max-memory", "2M")
            .overrideRuntimeConfigKey("quarkus.arena-cache.\"old.sessions\".expire-after-write", "5M")
            .overrideRuntimeConfigKey("quarkus.arena-cache.users.max-memory", "4M")
            .setLogRecordPredicate(r -> r.getLoggerName().equals(ArenaCacheManagerImpl.class.getName()))
            .assertLogRecords(UnknownCacheAtRunTimeTest::assertWarnings);

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Inject
    @ArenaCacheName("user-sessions")
    ArenaCache<String, String> sessions;

    @Test
    void theKnownCachesGetTheirSettings() {
        assertThat(users.settings().maxMemory()).isEqualTo(4L * 1024 * 1024);
        assertThat(users.settings().shards()).isEqualTo(2);
        assertThat(sessions.settings().maxMemory()).isEqualTo(2L * 1024 * 1024);
    }

    static void assertWarnings(List<LogRecord> records) {
        List<String> warnings = records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> String.format(r.getMessage(), r.getParameters())).toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("quarkus.arena-cache.userz.max-memory", "no cache named 'userz'", "[user-sessions, users]"));
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("quarkus.arena-cache.\"old.sessions\".expire-after-write", "no cache named 'old.sessions'"));
    }
}
