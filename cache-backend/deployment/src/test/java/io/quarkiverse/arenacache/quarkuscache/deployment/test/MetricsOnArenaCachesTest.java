package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.CacheResult;
import io.quarkus.test.QuarkusUnitTest;

/** The arena-cache meters cover the caches quarkus-cache puts on arena, tagged with the quarkus-cache name. */
class MetricsOnArenaCachesTest {

    @Singleton
    static class Greetings {
        @CacheResult(cacheName = "greetings")
        String greet(String name) {
            return "hello " + name;
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greetings.class))
            .overrideConfigKey("quarkus.cache.type", "arena");

    @Inject
    Greetings greetings;

    @Inject
    MeterRegistry registry;

    @Test
    void getsAreCountedPerCache() {
        greetings.greet("ann");
        greetings.greet("ann");
        greetings.greet("ann");
        assertThat(gets("hit")).isEqualTo(2);
        assertThat(gets("miss")).isEqualTo(1);
        assertThat(registry.find("cache.size").tag("cache", "greetings").gauge().value()).isEqualTo(1);
    }

    private double gets(String result) {
        FunctionCounter counter = registry.find("cache.gets").tag("cache", "greetings").tag("result", result)
                .functionCounter();
        assertThat(counter).as("cache.gets{cache=greetings,result=%s}", result).isNotNull();
        return counter.count();
    }
}
