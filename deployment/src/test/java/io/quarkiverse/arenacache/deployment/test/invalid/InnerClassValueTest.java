package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A non-static inner class cannot be rebuilt without an enclosing instance: its generated codec called a constructor
 * that does not exist and the first read failed with NoSuchMethodError. The build must fail, naming the class.
 */
class InnerClassValueTest {

    public class Inner {
        public final int x;

        public Inner(int x) {
            this.x = x;
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Inner.class))
            .assertException(Failures.messageContains(
                    "No codec for type io.quarkiverse.arenacache.deployment.test.invalid.InnerClassValueTest$Inner",
                    "is an inner class (not static)"));

    @Inject
    @ArenaCacheName("inners")
    ArenaCache<String, Inner> inners;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
