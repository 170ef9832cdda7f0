package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A value type without any possible codec fails the build, naming the injection point and the type. */
class MissingCodecTest {

    record Tagged(String name, java.util.List<String> tags) {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Tagged.class))
            .assertException(Failures.messageContains(
                    "No codec for type io.quarkiverse.arenacache.deployment.test.invalid.MissingCodecTest$Tagged",
                    "field io.quarkiverse.arenacache.deployment.test.invalid.MissingCodecTest#tags",
                    "component io.quarkiverse.arenacache.deployment.test.invalid.MissingCodecTest$Tagged.tags"
                            + " of type java.util.List<java.lang.String>"));

    @Inject
    @ArenaCacheName("tags")
    ArenaCache<String, Tagged> tags;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
