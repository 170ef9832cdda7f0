package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.cache.CacheResult;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Parameters and return types carrying type-use annotations (Bean Validation's {@code @NotNull} may target
 * TYPE_USE) take the shape of their class: for {@code byte[]} the annotation sits on the element type.
 */
class TypeAnnotatedCacheKeysTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE })
    public @interface NotNull {
    }

    @ApplicationScoped
    public static class Digests {
        final AtomicInteger calls = new AtomicInteger();

        public int calls() {
            return calls.get();
        }

        @CacheResult(cacheName = "digests")
        public @NotNull byte[] digest(@NotNull byte[] data, @NotNull String salt) {
            calls.incrementAndGet();
            return new byte[] { (byte) data.length, (byte) salt.length() };
        }

        @CacheResult(cacheName = "lengths")
        public Integer length(@NotNull byte[] data) {
            calls.incrementAndGet();
            return data.length;
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(NotNull.class, Digests.class))
            .overrideConfigKey("quarkus.cache.type", "arena");

    @Inject
    Digests digests;

    @Test
    void annotatedByteArraysAreKeysAndValues() {
        assertThat(digests.length(new byte[] { 1, 2, 3 })).isEqualTo(3);
        assertThat(digests.length(new byte[] { 1, 2, 3 })).isEqualTo(3);
        assertThat(digests.digest(new byte[] { 1 }, "pepper")).containsExactly(1, 6);
        assertThat(digests.digest(new byte[] { 1 }, "pepper")).containsExactly(1, 6);
        assertThat(digests.calls()).isEqualTo(2);
    }
}
