package io.quarkiverse.arenacache.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.Codecs;

class LiveCachesTest {

    /**
     * A dev-mode restart closes the old caches while another thread may be adding up the committed bytes: a cache
     * closed between {@code isClosed()} and {@code stats()} holds no memory any more, and must not make the sum
     * throw.
     */
    @Test
    void aCacheClosedWhileSummingCountsForNothing() {
        ArenaCache<?, ?> closing = (ArenaCache<?, ?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ArenaCache.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "isClosed" -> false;
                    case "name" -> "closing";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new IllegalStateException("arena cache 'closing' is closed");
                });
        try (ArenaCache<String, String> open = ArenaCache.builder(Codecs.strings(), Codecs.strings()).name("open")
                .maxMemory(1 << 20).shards(1).generations(2).build()) {
            LiveCaches.opened(open);
            LiveCaches.opened(closing);
            try {
                assertThat(LiveCaches.committedBytes()).isEqualTo(open.stats().bytesCommitted());
            } finally {
                LiveCaches.closed(closing);
                LiveCaches.closed(open);
            }
        }
    }
}
