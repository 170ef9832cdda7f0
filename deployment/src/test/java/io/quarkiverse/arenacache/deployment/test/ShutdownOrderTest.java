package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Caches stay usable until the application's beans are destroyed: a {@code @PreDestroy} method (where the
 * troubleshooting page says to stop work that uses caches) and a {@code ShutdownEvent} observer can still read them.
 * Only then are the caches closed. The beans report through a map in the system properties, because the application
 * and this test see different copies of the classes, and the checks run after the application stopped.
 */
class ShutdownOrderTest {

    static final String KEY = ShutdownOrderTest.class.getName();

    @SuppressWarnings("unchecked")
    static Map<String, Object> reports() {
        return (Map<String, Object>) System.getProperties().computeIfAbsent(KEY, k -> new ConcurrentHashMap<>());
    }

    static void report(String who, ArenaCache<String, String> cache) {
        Object result;
        try {
            result = cache.get("k");
        } catch (RuntimeException e) {
            result = e.toString();
        }
        reports().put(who, String.valueOf(result));
        reports().put("cache", cache);
    }

    @ApplicationScoped
    public static class ApplicationScopedUser {
        @Inject
        @ArenaCacheName("users")
        ArenaCache<String, String> users;

        void put() {
            users.put("k", "v");
        }

        void onShutdown(@Observes ShutdownEvent event) {
            report("ShutdownEvent", users);
        }

        @PreDestroy
        void destroy() {
            report("@ApplicationScoped @PreDestroy", users);
        }
    }

    @Singleton
    public static class SingletonUser {
        @Inject
        @ArenaCacheName("users")
        ArenaCache<String, String> users;

        @PreDestroy
        void destroy() {
            report("@Singleton @PreDestroy", users);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ApplicationScopedUser.class, SingletonUser.class))
            .setAfterUndeployListener(() -> {
                Map<String, Object> reports = reports();
                System.getProperties().remove(KEY);
                assertThat(reports).containsEntry("ShutdownEvent", "v")
                        .containsEntry("@ApplicationScoped @PreDestroy", "v")
                        .containsEntry("@Singleton @PreDestroy", "v");
                Object cache = reports.get("cache");
                try {
                    assertThat(cache.getClass().getMethod("isClosed").invoke(cache))
                            .as("the cache is closed once the application has stopped").isEqualTo(true);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            });

    @Inject
    ApplicationScopedUser applicationScoped;

    @Inject
    SingletonUser singleton;

    @Test
    void storeAValueForTheBeansToReadAtShutdown() {
        applicationScoped.put();
        assertThat(singleton.users.get("k")).isEqualTo("v");
    }
}
