package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A cache injected lazily ({@code Instance}, {@code InjectableInstance}, {@code Provider}) is defined like a directly
 * injected one: its name creates the cache and the type arguments inside the wrapper give its codecs.
 */
class LazyInjectionTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Inject
    @ArenaCacheName("lazy")
    Instance<ArenaCache<String, String>> lazy;

    @Inject
    @ArenaCacheName("injectable")
    InjectableInstance<ArenaCache<Long, String>> injectable;

    @Inject
    @ArenaCacheName("provided")
    Provider<ArenaCache<Integer, Long>> provided;

    @Inject
    ArenaCacheManager manager;

    @Test
    void lazilyInjectedCachesExistAndWork() {
        assertThat(manager.cacheNames()).containsExactly("injectable", "lazy", "provided");

        lazy.get().put("ada", "Lovelace");
        assertThat(lazy.get().get("ada")).isEqualTo("Lovelace");

        injectable.get().put(7L, "seven");
        assertThat(injectable.get().get(7L)).isEqualTo("seven");

        provided.get().put(1, 2L);
        assertThat(provided.get().get(1)).isEqualTo(2L);
    }
}
