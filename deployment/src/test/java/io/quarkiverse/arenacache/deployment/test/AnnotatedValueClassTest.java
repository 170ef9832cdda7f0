package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Type-use annotations (e.g. Bean Validation's {@code @NotNull}, which may target TYPE_USE) on a value class's
 * fields but not on its constructor's parameters do not change the types: the constructor still takes the fields.
 */
class AnnotatedValueClassTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
    public @interface NotBlank {
    }

    public static final class Customer {
        @NotBlank
        public final String name;
        public final @NotBlank String email;
        public final int age;

        public Customer(String name, String email, int age) {
            this.name = name;
            this.email = email;
            this.age = age;
        }
    }

    /** And a record whose components carry them, in a key. */
    record CustomerKey(@NotBlank String tenant, long id) {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(NotBlank.class, Customer.class, CustomerKey.class));

    @Inject
    @ArenaCacheName("customers")
    ArenaCache<CustomerKey, Customer> customers;

    @Test
    void annotatedFieldsRoundTrip() {
        customers.put(new CustomerKey("acme", 1), new Customer("Ada", "ada@example.org", 36));
        Customer read = customers.get(new CustomerKey("acme", 1));
        assertThat(read.name).isEqualTo("Ada");
        assertThat(read.email).isEqualTo("ada@example.org");
        assertThat(read.age).isEqualTo(36);
    }
}
