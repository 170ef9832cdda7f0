package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.cache.CacheResult;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

/**
 * quarkus-cache never caches a {@code Multi} (it only warns at build time) and computes no key for such a method, so
 * its parameters need no codec: an application that builds with Caffeine builds with arena too.
 */
class MultiResultNeedsNoCodecTest {

    /** A parameter type without a codec: no public fields, no record. */
    public static class Filter {
        private final String prefix;

        public Filter(String prefix) {
            this.prefix = prefix;
        }

        String prefix() {
            return prefix;
        }
    }

    @Singleton
    static class Events {
        final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "events")
        Multi<String> stream(Filter filter) {
            calls.incrementAndGet();
            return Multi.createFrom().items(filter.prefix() + "-1", filter.prefix() + "-2");
        }

        @CacheResult(cacheName = "events")
        String latest(String prefix) {
            calls.incrementAndGet();
            return prefix + "-latest";
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Events.class, Filter.class))
            .overrideConfigKey("quarkus.cache.type", "arena");

    @Inject
    Events events;

    @Test
    void aMultiMethodIsInvokedEveryTimeAndTheOtherMethodsAreCached() {
        Duration wait = Duration.ofSeconds(10);
        assertThat(events.stream(new Filter("a")).collect().asList().await().atMost(wait))
                .containsExactly("a-1", "a-2");
        assertThat(events.stream(new Filter("a")).collect().asList().await().atMost(wait))
                .containsExactly("a-1", "a-2");
        assertThat(events.latest("b")).isEqualTo("b-latest");
        assertThat(events.latest("b")).isEqualTo("b-latest");
        assertThat(events.calls.get()).isEqualTo(3);
    }
}
