package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.runtime.spi.ArenaCacheDecorator;
import io.quarkus.test.QuarkusUnitTest;

/** ArenaCacheDecorator beans wrap every cache, lowest priority innermost, before injection and lookup. */
class DecoratorTest {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    /** Records "tag:method" for every call, then delegates. */
    abstract static class RecordingDecorator implements ArenaCacheDecorator {
        abstract String tag();

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> ArenaCache<K, V> decorate(ArenaCache<K, V> cache) {
            return (ArenaCache<K, V>) Proxy.newProxyInstance(ArenaCache.class.getClassLoader(),
                    new Class<?>[] { ArenaCache.class }, (proxy, method, args) -> {
                        CALLS.add(tag() + ":" + method.getName());
                        try {
                            return method.invoke(cache, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Singleton
    static class Inner extends RecordingDecorator {
        @Override
        String tag() {
            return "inner";
        }

        @Override
        public int priority() {
            return 1;
        }
    }

    @Singleton
    static class Outer extends RecordingDecorator {
        @Override
        String tag() {
            return "outer";
        }

        @Override
        public int priority() {
            return 10;
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(RecordingDecorator.class, Inner.class, Outer.class));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Inject
    ArenaCacheManager manager;

    @Test
    void decoratorsWrapInjectedAndLookedUpCachesInPriorityOrder() {
        CALLS.clear();
        users.put("a", "b");
        assertThat(CALLS).containsExactly("outer:put", "inner:put");
        CALLS.clear();
        assertThat(manager.<String, String> getCache("users").orElseThrow().get("a")).isEqualTo("b");
        assertThat(CALLS).containsExactly("outer:get", "inner:get");
    }
}
