package io.quarkiverse.arenacache;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects a named {@link ArenaCache} at an injection point:
 * {@code @Inject @ArenaCacheName("users") ArenaCache<String, User> users;}. A cache that is injected but not
 * configured under {@code quarkus.arena-cache."name".*} gets the default settings.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, TYPE })
public @interface ArenaCacheName {

    /** @return the cache name */
    String value();

    /** Creates the qualifier programmatically, e.g. for {@code Arc.container().select(...)}. */
    final class Literal extends AnnotationLiteral<ArenaCacheName> implements ArenaCacheName {
        private static final long serialVersionUID = 1L;
        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        /** @return a qualifier instance for {@code name} */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
