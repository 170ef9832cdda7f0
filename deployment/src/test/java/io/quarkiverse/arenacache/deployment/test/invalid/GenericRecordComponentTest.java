package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A generic record used raw as a component (its type arguments erased) has no codec; the message says it is
 * generic, naming the component, rather than listing every reason a class may be refused.
 */
class GenericRecordComponentTest {

    record Box<T>(T content) {
    }

    @SuppressWarnings("rawtypes")
    record Holder(String name, Box box) {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Box.class, Holder.class))
            .assertException(Failures.messageContains(
                    "No codec for type " + Holder.class.getName(),
                    "component io.quarkiverse.arenacache.deployment.test.invalid.GenericRecordComponentTest$Holder.box",
                    "GenericRecordComponentTest$Box is generic"));

    @Inject
    @ArenaCacheName("holders")
    ArenaCache<String, Holder> holders;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
