package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A private nested record has a private canonical constructor: no generated codec can call it. */
class PrivateRecordTest {

    private record Secret(int x) {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Secret.class))
            .assertException(Failures.messageContains(
                    "No codec for type io.quarkiverse.arenacache.deployment.test.invalid.PrivateRecordTest$Secret",
                    "private"));

    @Inject
    @ArenaCacheName("secrets")
    ArenaCache<String, Secret> secrets;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
