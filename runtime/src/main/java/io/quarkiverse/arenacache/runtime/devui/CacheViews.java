package io.quarkiverse.arenacache.runtime.devui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheSettings;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.runtime.snapshot.CacheSnapshotJson;

/** Builds the {@link CacheView} of a cache from its public settings, stats and layout. */
final class CacheViews {

    private CacheViews() {
    }

    static CacheView of(ArenaCache<?, ?> cache) {
        try {
            String keyType = keyTypeOf(cache);
            boolean keyActions = KeyParser.forCodec(cache.keyCodec()).isPresent();
            CacheSettings settings = cache.settings();
            CacheLayout layout = cache.layout();
            // Totals that add up to the shard and generation bars shown with them.
            return view(cache.name(), keyType, keyActions, settings, CacheSnapshotJson.matching(cache.stats(), layout),
                    layout);
        } catch (IllegalStateException closed) {
            // A dev-mode restart closes caches while a stats stream may still read them; a closed cache
            // answers nothing but its name.
            return closedView(cache.name());
        }
    }

    /** @return the key type's name when the codec is a built-in one, else {@code custom codec <its class>} */
    static String keyTypeOf(ArenaCache<?, ?> cache) {
        return KeyParser.forCodec(cache.keyCodec())
                .map(KeyParser::typeName)
                .orElseGet(() -> "custom codec " + codecName(cache));
    }

    /** @return the simple name of the key codec's class, or its full name for classes without one */
    static String codecName(ArenaCache<?, ?> cache) {
        Class<?> codecClass = cache.keyCodec().getClass();
        return codecClass.getSimpleName().isEmpty() ? codecClass.getName() : codecClass.getSimpleName();
    }

    private static CacheView view(String name, String keyType, boolean keyActions, CacheSettings settings,
            CacheStats stats, CacheLayout layout) {
        String ttl = settings.expireAfterWrite().map(Duration::toString).orElse(null);
        long requests = stats.requestCount();
        double hitRatio = requests == 0 ? 0.0 : stats.hitRatio();
        return new CacheView(name, keyType, keyActions, false, settings.maxMemory(), settings.shards(),
                settings.generations(), settings.generationBytes(), settings.maxEntryBytes(), ttl,
                requests, stats.hits(), stats.misses(), hitRatio, stats.puts(), stats.entries(), stats.bytesUsed(),
                stats.bytesCommitted(), stats.evictions(), stats.expirations(), stats.rejections(),
                stats.explicitRemovals(), stats.generationRotations(),
                generationOccupancy(settings, layout), shardOccupancy(settings, layout));
    }

    private static CacheView closedView(String name) {
        return new CacheView(name, "unknown", false, true, 0, 0, 0, 0, 0, null,
                0, 0, 0, 0.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of());
    }

    /**
     * Sums the shards' generations by age. A shard lists its slabs oldest first and leaves out slabs not yet
     * allocated, so ages are counted back from the head (the slab taking writes).
     */
    static List<CacheView.GenerationOccupancy> generationOccupancy(CacheSettings settings, CacheLayout layout) {
        int generations = settings.generations();
        int[] slabs = new int[generations];
        long[] entries = new long[generations];
        long[] bytesUsed = new long[generations];
        for (CacheLayout.Shard shard : layout.shards()) {
            List<CacheLayout.Generation> ring = shard.generations();
            int head = headPosition(ring);
            for (int i = 0; i < ring.size(); i++) {
                int age = Math.floorMod(head - i, ring.size());
                if (age >= generations) {
                    continue; // never for a consistent layout; guards the arrays
                }
                CacheLayout.Generation generation = ring.get(i);
                slabs[age]++;
                entries[age] += generation.entries();
                bytesUsed[age] += generation.bytesUsed();
            }
        }
        long capacity = settings.generationBytes() * settings.shards();
        List<CacheView.GenerationOccupancy> occupancy = new ArrayList<>(generations);
        for (int age = 0; age < generations; age++) {
            occupancy.add(new CacheView.GenerationOccupancy(age, slabs[age], entries[age], bytesUsed[age], capacity));
        }
        return occupancy;
    }

    // The head is flagged; without a flag (e.g. no slab yet) the newest is the last one listed.
    private static int headPosition(List<CacheLayout.Generation> ring) {
        for (int i = 0; i < ring.size(); i++) {
            if (ring.get(i).head()) {
                return i;
            }
        }
        return ring.size() - 1;
    }

    static List<CacheView.ShardOccupancy> shardOccupancy(CacheSettings settings, CacheLayout layout) {
        long shardCapacity = settings.generationBytes() * settings.generations();
        List<CacheView.ShardOccupancy> occupancy = new ArrayList<>(layout.shards().size());
        for (CacheLayout.Shard shard : layout.shards()) {
            occupancy.add(new CacheView.ShardOccupancy(shard.index(), shard.entries(), shard.bytesUsed(),
                    shardCapacity));
        }
        return occupancy;
    }
}
