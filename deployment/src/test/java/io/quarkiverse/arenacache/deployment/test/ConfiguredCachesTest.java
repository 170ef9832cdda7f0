package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.CacheSettings;
import io.quarkus.test.QuarkusUnitTest;

/** Per-cache properties override the top-level defaults, which apply to every other cache. */
class ConfiguredCachesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Utf8Codec.class))
            .overrideConfigKey("quarkus.arena-cache.shards", "4")
            .overrideConfigKey("quarkus.arena-cache.expire-after-write", "PT1H")
            .overrideConfigKey("quarkus.arena-cache.users.max-memory", "2M")
            .overrideConfigKey("quarkus.arena-cache.users.shards", "2")
            .overrideConfigKey("quarkus.arena-cache.users.generations", "4")
            .overrideConfigKey("quarkus.arena-cache.users.expire-after-write", "10M")
            .overrideConfigKey("quarkus.arena-cache.\"dotted.name\".max-memory", "1M")
            .overrideConfigKey("quarkus.arena-cache.\"dotted.name\".key-codec", Utf8Codec.class.getName())
            .overrideConfigKey("quarkus.arena-cache.\"dotted.name\".value-codec", Utf8Codec.class.getName());

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Inject
    @ArenaCacheName("sessions")
    ArenaCache<String, String> sessions;

    @Inject
    ArenaCacheManager manager;

    @Test
    void perCachePropertiesWin() {
        CacheSettings settings = users.settings();
        assertThat(settings.name()).isEqualTo("users");
        assertThat(settings.maxMemory()).isEqualTo(2L * 1024 * 1024);
        assertThat(settings.shards()).isEqualTo(2);
        assertThat(settings.generations()).isEqualTo(4);
        assertThat(settings.expireAfterWrite()).contains(Duration.ofMinutes(10));
    }

    @Test
    void defaultsApplyToCachesWithoutTheirOwnValue() {
        CacheSettings settings = sessions.settings();
        assertThat(settings.shards()).isEqualTo(4);
        assertThat(settings.expireAfterWrite()).contains(Duration.ofHours(1));
        assertThat(settings.maxMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.generations()).isEqualTo(8);
    }

    @Test
    void configuredOnlyCacheWithCodecPropertiesExistsUnderItsQuotedName() {
        assertThat(manager.cacheNames()).containsExactly("dotted.name", "sessions", "users");
        assertThat(manager.<String, String> getCache("dotted.name")).get()
                .satisfies(c -> assertThat(c.settings().maxMemory()).isEqualTo(1024L * 1024));
    }

    @Test
    void injectedCacheIsTheManagersCacheAndWorks() {
        users.put("ada", "Lovelace");
        assertThat(users.get("ada")).isEqualTo("Lovelace");
        assertThat(manager.<String, String> getCache("users").orElseThrow().get("ada")).isEqualTo("Lovelace");
        assertThat(users.getOrLoad("alan", k -> "Turing")).isEqualTo("Turing");
        assertThat(users.stats().puts()).isEqualTo(2);
    }
}
