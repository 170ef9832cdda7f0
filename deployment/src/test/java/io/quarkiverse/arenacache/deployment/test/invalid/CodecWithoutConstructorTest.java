package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkiverse.arenacache.deployment.test.Utf8Codec;

/** A codec class that is no bean and has no public no-argument constructor fails the build, naming the property. */
class CodecWithoutConstructorTest {

    public static class NoDefaultConstructorCodec extends Utf8Codec {
        public NoDefaultConstructorCodec(String unused) {
        }
    }

    static final String CODEC = NoDefaultConstructorCodec.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Utf8Codec.class, NoDefaultConstructorCodec.class))
            .overrideConfigKey("quarkus.arena-cache.users.value-codec", CODEC)
            .assertException(Failures.messageContains(
                    "Invalid value '" + CODEC + "' for quarkus.arena-cache.\"users\".value-codec",
                    "neither a CDI bean nor has a public no-argument constructor"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
