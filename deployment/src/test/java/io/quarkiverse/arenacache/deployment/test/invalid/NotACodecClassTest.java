package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A class that does not implement Codec fails the build, naming the property. */
class NotACodecClassTest {

    public static class NotACodec {
    }

    static final String CODEC = NotACodec.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(NotACodec.class))
            .overrideConfigKey("quarkus.arena-cache.users.value-codec", CODEC)
            .assertException(Failures.messageContains(
                    "Invalid value '" + CODEC + "' for quarkus.arena-cache.\"users\".value-codec",
                    "not a class implementing io.quarkiverse.arenacache.Codec"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
