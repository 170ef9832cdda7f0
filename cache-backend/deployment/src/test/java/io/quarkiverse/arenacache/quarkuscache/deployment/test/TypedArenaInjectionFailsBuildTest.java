package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A quarkus-cache cache on arena holds keys and values of several shapes: injecting it as a typed
 * {@code ArenaCache<String, String>} fails the build instead of failing with class casts at run time.
 */
class TypedArenaInjectionFailsBuildTest {

    @Singleton
    static class Words {
        @Inject
        @ArenaCacheName("words")
        ArenaCache<String, String> typed;

        @CacheResult(cacheName = "words")
        String upper(String word) {
            return word.toUpperCase();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Words.class))
            .overrideConfigKey("quarkus.cache.type", "arena")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("Arena cache 'words' is defined by quarkus-cache")
                        .contains("ArenaCache<Object, Object>").contains("TypedArenaInjectionFailsBuildTest$Words#typed");
            });

    @Test
    void buildFails() {
        // assertException checks the failure
    }
}
