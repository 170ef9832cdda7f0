package io.quarkiverse.arenacache.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.runtime.ObservedCaches;

/**
 * A cache closed by the application (its memory released; the health check reports it DOWN) is still listed by the
 * manager: the Dev UI's actions on it answer with a message, as for an unknown cache, instead of failing the
 * JSON-RPC call with the engine's exception.
 */
class ArenaCacheJsonRPCServiceClosedCacheTest {

    @Test
    void actionsOnAClosedCacheAnswerWithAMessage() {
        ArenaCache<String, String> cache = new ObservedCaches().smallCache("gone");
        cache.put("a", "1");
        cache.close();
        ArenaCacheJsonRPCService service = new ArenaCacheJsonRPCService();
        service.caches = managerOf(cache);

        for (ActionReply reply : List.of(service.invalidateAll("gone"), service.invalidate("gone", "a"),
                service.containsKey("gone", "a"))) {
            assertThat(reply.ok()).as(reply.toString()).isFalse();
            assertThat(reply.cache()).isEqualTo("gone");
            assertThat(reply.message()).contains("'gone'").contains("closed");
        }
        assertThat(service.getCache("gone").ok()).isTrue();
        assertThat(service.getCache("gone").cache().closed()).isTrue();
    }

    private static ArenaCacheManager managerOf(ArenaCache<String, String> cache) {
        return new ArenaCacheManager() {
            @Override
            public Set<String> cacheNames() {
                return Set.of(cache.name());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Optional<ArenaCache<K, V>> getCache(String name) {
                return cache.name().equals(name) ? Optional.of((ArenaCache<K, V>) (ArenaCache<?, ?>) cache)
                        : Optional.empty();
            }

            @Override
            public Collection<ArenaCache<?, ?>> caches() {
                return List.of(cache);
            }
        };
    }
}
