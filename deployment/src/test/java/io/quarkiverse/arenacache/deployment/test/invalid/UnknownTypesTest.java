package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A configured cache that is never injected and has no codec properties fails the build. */
class UnknownTypesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.orphan.max-memory", "1M")
            .assertException(Failures.messageContains(
                    "Arena cache 'orphan': the key type is unknown because it is configured but never injected",
                    "quarkus.arena-cache.\"orphan\".key-codec"));



    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
