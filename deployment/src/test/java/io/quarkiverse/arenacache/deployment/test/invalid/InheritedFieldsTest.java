package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A value class whose superclass has instance fields: the generated codec would see only the fields the class
 * declares, so the inherited ones would be silently dropped (a value comes back without them, and keys that differ
 * only in them share an entry). The build must fail, naming the class, its superclass and the field.
 */
class InheritedFieldsTest {

    public static class Entity {
        public String id;
    }

    public static class Customer extends Entity {
        public String name;
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Entity.class, Customer.class))
            .assertException(Failures.messageContains(
                    "No codec for type io.quarkiverse.arenacache.deployment.test.invalid.InheritedFieldsTest$Customer",
                    "extends io.quarkiverse.arenacache.deployment.test.invalid.InheritedFieldsTest$Entity",
                    "field id"));

    @Inject
    @ArenaCacheName("customers")
    ArenaCache<String, Customer> customers;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
