package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** Value classes are rebuilt through the constructor whose parameters are their fields, not merely of their types. */
class ValueClassConstructorsTest {

    /**
     * The only public constructor has the fields' types in their order, but takes them in another order: calling it
     * with the fields in declaration order would swap first and last names on every read.
     */
    public static class Person {
        public String first;
        public String last;

        public Person() {
        }

        public Person(String last, String first) {
            this.first = first;
            this.last = last;
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Person.class));

    @Inject
    @ArenaCacheName("people")
    ArenaCache<String, Person> people;

    @Test
    void aConstructorTakingTheFieldsInAnotherOrderIsNotUsedToSwapThem() {
        people.put("ada", new Person("Lovelace", "Ada"));
        Person read = people.get("ada");
        assertThat(read.first).isEqualTo("Ada");
        assertThat(read.last).isEqualTo("Lovelace");
    }
}
