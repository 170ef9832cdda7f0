package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkiverse.arenacache.inspect.SnapshotModel.CacheView;
import io.quarkiverse.arenacache.inspect.SnapshotModel.GenerationView;

class CacheDetailViewTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0, 100, [....................]",
            "50, 50, 100, [##########..........]",
            "25, 75, 100, [#####----------.....]",
            "100, 100, 100, [####################]",
            "0, 100, 100, [--------------------]",
            // counters racing each other may report more used than written: never a negative dead run
            "60, 50, 100, [############........]",
            // a few bytes in a big slab still show
            "103, 103, 131072, [#...................]",
            "103, 5000, 131072, [#-..................]" })
    void barShowsLiveThenDeadThenFree(long used, long written, long capacity, String expected) {
        GenerationView generation = new GenerationView(0, 1, 1, used, written, capacity, false);

        assertThat(CacheDetailView.bar(generation)).isEqualTo(expected).hasSize(CacheDetailView.BAR_WIDTH + 2);
    }

    @Test
    void aShardWithoutSlabsSaysSo() {
        CacheView cache = SnapshotReader.readOne(Json.parse("""
                {"name":"c","settings":{},"stats":{"entries":0,"bytesUsed":0,"hits":0,"misses":0,"maxMemory":64,
                 "evictions":0,"expirations":0,"rejections":0,"loadSuccesses":0,"loadFailures":0},
                 "shards":[{"index":0,"entries":0,"bytesUsed":0,"bytesCommitted":1024,"indexCapacity":64,
                 "generations":[]}]}""").orElseThrow());

        assertThat(CacheDetailView.render(cache)).endsWith("\n  shard 0: no slab allocated yet\n");
    }

    @Test
    void unallocatedSlabHasNoBar() {
        assertThat(CacheDetailView.bar(new GenerationView(3, 0, 0, 0, 0, 0, false)))
                .isEqualTo("[not allocated       ]");
    }

    @ParameterizedTest
    @CsvSource({
            "expireAfterWrite, expire after write",
            "totalLoadTimeNanos, total load time",
            "maxMemory, max memory",
            "hits, hits",
            "bytesUsedL2, bytes used l2" })
    void labelsComeFromFieldNames(String field, String label) {
        assertThat(CacheDetailView.label(field)).isEqualTo(label);
    }

    @Test
    void valuesGetUnitsFromTheirFieldNames() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        assertThat(CacheDetailView.value("generationBytes", nodes.numberNode(524288)))
                .isEqualTo("512.0 KiB (524,288 bytes)");
        assertThat(CacheDetailView.value("totalLoadTimeNanos", nodes.numberNode(1_500_000_000L))).isEqualTo("1.5s");
        assertThat(CacheDetailView.value("hitRatio", nodes.numberNode(0.5))).isEqualTo("50.0 %");
        assertThat(CacheDetailView.value("expireAfterWrite", nodes.textNode("PT10M"))).isEqualTo("10m (PT10M)");
        assertThat(CacheDetailView.value("expireAfterWrite", nodes.nullNode())).isEqualTo("none");
        assertThat(CacheDetailView.value("policy", nodes.textNode("Probation"))).isEqualTo("Probation");
        assertThat(CacheDetailView.value("puts", nodes.numberNode(12345))).isEqualTo("12,345");
        assertThat(CacheDetailView.value("load", nodes.numberNode(0.25))).isEqualTo("0.250");
        assertThat(CacheDetailView.value("closed", nodes.booleanNode(true))).isEqualTo("true");
    }
}
