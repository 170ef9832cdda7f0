package io.quarkiverse.arenacache.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodecAssembler;
import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodecAssembler.ShapeSpec;

/**
 * A quarkus-cache cache on arena whose methods all take one {@code String} (or {@code long}) key has keys with a text
 * form: the Dev UI's key actions work on it, as on an injected {@code ArenaCache<String, ...>}, rather than calling
 * the backend's internal codec a custom one.
 */
class BackendCacheDevUIKeysTest {

    private final ArenaCache<Object, Object> users = cache("users", List.of(ShapeSpec.single(String.class.getName()),
            ShapeSpec.defaultKey()), Codecs.strings());
    private final ArenaCache<Object, Object> orders = cache("orders", List.of(ShapeSpec.single(Long.class.getName())),
            Codecs.longs());
    private final ArenaCache<Object, Object> mixed = cache("mixed", List.of(ShapeSpec.single(String.class.getName()),
            ShapeSpec.single(Long.class.getName())), Codecs.strings(), Codecs.longs());

    @AfterEach
    void close() {
        users.close();
        orders.close();
        mixed.close();
    }

    @Test
    void keyActionsWorkOnACacheWithOneKeyType() {
        ArenaCacheJsonRPCService service = service();
        users.put("alice", "A");
        orders.put(42L, "order");

        assertThat(service.containsKey("users", "alice").result()).isTrue();
        assertThat(service.containsKey("users", "bob").result()).isFalse();
        ActionReply removed = service.invalidate("users", "alice");
        assertThat(removed.ok()).as(removed.message()).isTrue();
        assertThat(removed.result()).isTrue();
        assertThat(users.containsKey("alice")).isFalse();

        assertThat(service.containsKey("orders", "42").result()).isTrue();
        assertThat(service.containsKey("orders", "x").message()).contains("not a valid Long key");

        assertThat(CacheViews.of(users).keyType()).isEqualTo("String");
        assertThat(CacheViews.of(users).keyActions()).isTrue();
    }

    @Test
    void aCacheWithSeveralKeyTypesHasNoTextForm() {
        ActionReply reply = service().containsKey("mixed", "7");
        assertThat(reply.ok()).isFalse();
        assertThat(reply.message()).contains("Key actions are not available for cache 'mixed'");
    }

    private ArenaCacheJsonRPCService service() {
        ArenaCacheJsonRPCService service = new ArenaCacheJsonRPCService();
        List<ArenaCache<Object, Object>> all = List.of(users, orders, mixed);
        service.caches = new ArenaCacheManager() {
            @Override
            public Set<String> cacheNames() {
                return Set.of("users", "orders", "mixed");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Optional<ArenaCache<K, V>> getCache(String name) {
                return all.stream().filter(c -> c.name().equals(name)).findFirst()
                        .map(c -> (ArenaCache<K, V>) (ArenaCache<?, ?>) c);
            }

            @Override
            public Collection<ArenaCache<?, ?>> caches() {
                return List.copyOf(all);
            }
        };
        return service;
    }

    @SuppressWarnings("unchecked")
    private static ArenaCache<Object, Object> cache(String name, List<ShapeSpec> keyShapes, Codec<?>... keyCodecs) {
        Codec<Object> keys = (Codec<Object>) ShapeCodecAssembler.assemble(
                ShapeCodecAssembler.describe(name, "keys", keyShapes), keyCodecs);
        Codec<Object> values = (Codec<Object>) ShapeCodecAssembler.assemble(
                ShapeCodecAssembler.describe(name, "values", List.of(ShapeSpec.single(String.class.getName()))),
                new Codec<?>[] { Codecs.strings() });
        return ArenaCache.builder(keys, values).name(name).maxMemory(64 * 1024).shards(1).build();
    }
}
