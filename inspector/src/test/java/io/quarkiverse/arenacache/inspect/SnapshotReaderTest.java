package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.arenacache.inspect.SnapshotModel.CacheView;
import io.quarkiverse.arenacache.inspect.SnapshotModel.GenerationView;

class SnapshotReaderTest {

    @Test
    void readsTheRecordedSnapshot() {
        List<CacheView> caches = SnapshotReader.readAll(json(StubServer.resource("snapshot-all.json")));

        assertThat(caches).extracting(CacheView::name).containsExactly("users", "products", "sessions");
        CacheView users = caches.getFirst();
        assertThat(users.entries()).isEqualTo(3331);
        assertThat(users.bytesUsed()).isEqualTo(12_897_485);
        assertThat(users.maxMemory()).isEqualTo(64L << 20);
        assertThat(users.hitRatio()).isEqualTo(45210.0 / (45210 + 3402));
        assertThat(users.shards()).hasSize(2);
        assertThat(users.shards().get(1).generations().get(2))
                .isEqualTo(new GenerationView(2, 9, 159, 447_485, 447_485, 8L << 20, true));
        CacheView closed = caches.get(2);
        assertThat(closed.closed()).isTrue();
        assertThat(closed.statsAvailable()).isFalse();
        assertThat(closed.shards()).isEmpty();
        assertThat(caches.get(1).hitRatio()).isEqualTo(0.88);
    }

    @Test
    void nothingLookedUpYetHasNoRatio() {
        CacheView cache = SnapshotReader.readOne(json("""
                {"name":"c","settings":{"maxMemory":1024},"stats":{"entries":0,"bytesUsed":0,"hits":0,"misses":0,
                 "evictions":0,"expirations":0,"rejections":0,"loadSuccesses":0,"loadFailures":0}}"""));

        assertThat(cache.hitRatio()).isNegative();
    }

    @Test
    void anOpenCacheWithoutStatsIsTheWrongShape() {
        assertThatThrownBy(() -> SnapshotReader.readOne(json("{\"name\":\"c\",\"closed\":false,\"settings\":null}")))
                .hasMessage("$.settings: expected an object, found null");
    }

    @Test
    void wholeNumbersMayBeWrittenAsFloats() {
        CacheView cache = SnapshotReader.readOne(json("""
                {"name":"c","settings":{},"stats":{"entries":3.0,"bytesUsed":2,"hits":3,"misses":4,"maxMemory":1E3,
                 "evictions":5,"expirations":6,"rejections":7,"loadSuccesses":8,"loadFailures":9}}"""));

        assertThat(cache.entries()).isEqualTo(3);
        assertThat(cache.maxMemory()).isEqualTo(1000);
    }

    @Test
    void shardsAndHeadAreOptionalAndMaxMemoryMayComeFromTheSettings() {
        CacheView cache = SnapshotReader.readOne(json("""
                {"name":"c","settings":{"maxMemory":1024},"stats":{"entries":1,"bytesUsed":2,"hits":3,"misses":4,
                 "evictions":5,"expirations":6,"rejections":7,"loadSuccesses":8,"loadFailures":9}}"""));

        assertThat(cache.maxMemory()).isEqualTo(1024);
        assertThat(cache.closed()).isFalse();
        assertThat(cache.shards()).isEmpty();
        assertThat(cache.loadFailures()).isEqualTo(9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[]|$: expected an object, found an array",
            "{}|$.caches: expected an array of caches, found nothing",
            "{\"caches\":{}}|$.caches: expected an array of caches, found an object",
            "{\"caches\":[1]}|caches[0]: expected an object, found a number (1)",
            "{\"caches\":[{\"name\":7}]}|caches[0].name: expected a string, found a number (7)",
            "{\"caches\":[{\"name\":\"c\",\"stats\":{}}]}|caches[0].settings: expected an object, found nothing",
            "{\"caches\":[{\"name\":\"c\",\"closed\":\"no\",\"settings\":{},\"stats\":{}}]}"
                    + "|caches[0].closed: expected true or false, found a string (\"no\")",
            "{\"caches\":[{\"name\":\"c\",\"settings\":{},\"stats\":{\"maxMemory\":1.5}}]}"
                    + "|caches[0].stats.maxMemory: expected a whole number, found a number (1.5)" })
    void namesWhereTheShapeIsWrong(String text, String message) {
        assertThatThrownBy(() -> SnapshotReader.readAll(json(text)))
                .isInstanceOf(SnapshotReader.ShapeException.class)
                .hasMessage(message);
    }

    @Test
    void badShardFieldsAreNamedWithTheirIndex() {
        JsonNode users = json(StubServer.resource("snapshot-users.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) users.get("shards").get(1).get("generations").get(3))
                .put("capacity", "big");

        assertThatThrownBy(() -> SnapshotReader.readOne(users))
                .hasMessage("$.shards[1].generations[3].capacity: expected a whole number, found a string (\"big\")");
    }

    private static JsonNode json(String text) {
        return Json.parse(text).orElseThrow();
    }
}
