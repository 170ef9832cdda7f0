package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkiverse.arenacache.deployment.test.Utf8Codec;

/** A codec class for another type than the injection point's fails the build, naming the property and both types. */
class CodecOfWrongTypeTest {

    static final String CODEC = Utf8Codec.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Utf8Codec.class))
            .overrideConfigKey("quarkus.arena-cache.users.value-codec", CODEC)
            .assertException(Failures.messageContains(
                    "Invalid value '" + CODEC + "' for quarkus.arena-cache.\"users\".value-codec",
                    "it encodes java.lang.String", "value type java.lang.Long"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, Long> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
