package io.quarkiverse.arenacache.deployment;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Build-time default for {@code quarkus.native.additional-build-args-append}: the native-image options shared arenas
 * need, so they appear in Quarkus's {@code native-image.args} (Quarkus 3.33 has no build item for extra options).
 * The lowest ordinal lets any user value win; the runtime jar's {@code native-image.properties} carries the same
 * options, so they still apply when a user replaces this value.
 */
public class NativeArgsConfigSource implements ConfigSource {

    static final String PROPERTY = "quarkus.native.additional-build-args-append";
    static final String ARGS = "-H:+UnlockExperimentalVMOptions,-H:+SharedArenaSupport,-H:-UnlockExperimentalVMOptions";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, ARGS);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? ARGS : null;
    }

    @Override
    public String getName() {
        return "arena-cache native-image defaults";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
