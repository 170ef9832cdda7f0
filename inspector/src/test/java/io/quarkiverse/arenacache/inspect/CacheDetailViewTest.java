package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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
            "60, 50, 100, [############........]" })
    void barShowsLiveThenDeadThenFree(long used, long written, long capacity, String expected) {
        GenerationView generation = new GenerationView(0, 1, 1, used, written, capacity, false);

        assertThat(CacheDetailView.bar(generation)).isEqualTo(expected).hasSize(CacheDetailView.BAR_WIDTH + 2);
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
