package io.quarkiverse.arenacache.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheLayout.Generation;
import io.quarkiverse.arenacache.CacheLayout.Shard;
import io.quarkiverse.arenacache.CacheSettings;

/** The occupancy sums, from layouts as the engine reports them (oldest slab first, unallocated slabs absent). */
class CacheViewsTest {

    private static final CacheSettings SETTINGS = new CacheSettings("c", 2 * 3 * 4096, Optional.empty(), 2, 3,
            4096, 4000);

    @Test
    void generationsAreSummedByAgeCountedBackFromTheHead() {
        CacheLayout layout = new CacheLayout(List.of(
                new Shard(0, 6, 600, 8192, 64, List.of(
                        new Generation(1, 1, 1, 100, 4000, 4096, false),
                        new Generation(2, 1, 2, 200, 300, 4096, false),
                        new Generation(0, 2, 3, 300, 300, 4096, true))),
                new Shard(1, 4, 40, 4096, 64, List.of(
                        new Generation(0, 0, 4, 40, 40, 4096, true)))));

        List<CacheView.GenerationOccupancy> occupancy = CacheViews.generationOccupancy(SETTINGS, layout);

        assertThat(occupancy).containsExactly(
                new CacheView.GenerationOccupancy(0, 2, 7, 340, 2 * 4096),
                new CacheView.GenerationOccupancy(1, 1, 2, 200, 2 * 4096),
                new CacheView.GenerationOccupancy(2, 1, 1, 100, 2 * 4096));
    }

    @Test
    void aShardWithoutAnySlabAddsNothing() {
        CacheLayout layout = new CacheLayout(List.of(new Shard(0, 0, 0, 512, 64, List.of()),
                new Shard(1, 0, 0, 512, 64, List.of())));

        assertThat(CacheViews.generationOccupancy(SETTINGS, layout))
                .extracting(CacheView.GenerationOccupancy::slabs).containsExactly(0, 0, 0);
        assertThat(CacheViews.shardOccupancy(SETTINGS, layout)).containsExactly(
                new CacheView.ShardOccupancy(0, 0, 0, 3 * 4096),
                new CacheView.ShardOccupancy(1, 0, 0, 3 * 4096));
    }
}
