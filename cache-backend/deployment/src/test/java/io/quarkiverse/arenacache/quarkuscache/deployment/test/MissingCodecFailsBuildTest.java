package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.cache.CacheResult;
import io.quarkus.test.QuarkusUnitTest;

/** A result type that has no codec fails the build, naming the method and the type. */
class MissingCodecFailsBuildTest {

    /** Private state and no canonical constructor: nothing a codec can be generated from. */
    public static class Opaque {
        private final String secret;

        public Opaque(String secret) {
            this.secret = secret;
        }

        String secret() {
            return secret;
        }
    }

    @Singleton
    static class Reports {
        @CacheResult(cacheName = "reports")
        io.smallrye.mutiny.Uni<Opaque> report(String id) {
            return io.smallrye.mutiny.Uni.createFrom().item(new Opaque(id));
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Opaque.class, Reports.class))
            .overrideConfigKey("quarkus.cache.type", "arena")
            .assertException(failure -> {
                Throwable root = failure;
                StringBuilder messages = new StringBuilder();
                while (root != null) {
                    messages.append(root.getMessage()).append('\n');
                    root = root.getCause();
                }
                assertThat(messages.toString())
                        .contains("MissingCodecFailsBuildTest$Reports#report")
                        .contains("MissingCodecFailsBuildTest$Opaque")
                        .contains("reports");
            });

    @Test
    void buildFails() {
        // assertException checks the failure
    }
}
