package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A codec property naming no Codec class fails the build, naming the property. */
class UnknownCodecClassTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.users.value-codec", "com.example.NoSuchCodec")
            .assertException(Failures.messageContains(
                    "Invalid value 'com.example.NoSuchCodec' for quarkus.arena-cache.\"users\".value-codec",
                    "fully qualified name of a Codec implementation"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
