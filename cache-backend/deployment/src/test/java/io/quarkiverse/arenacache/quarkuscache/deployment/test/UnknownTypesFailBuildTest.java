package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.QuarkusUnitTest;

/** An arena cache used only programmatically, without configured codecs, fails the build with what to do. */
class UnknownTypesFailBuildTest {

    @Singleton
    static class Notes {
        @Inject
        @CacheName("notes")
        Cache notes;
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Notes.class))
            .overrideConfigKey("quarkus.cache.type", "arena")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("'notes'")
                        .contains("quarkus.arena-cache.\"notes\".key-codec")
                        .contains("quarkus.cache.\"notes\".type=caffeine");
            });

    @Test
    void buildFails() {
        // assertException checks the failure
    }
}
