package io.quarkiverse.arenacache.benchmarks.contenders;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheBuilder;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;

/**
 * Maps entry counts to arena-cache byte budgets by measuring, not guessing: a small probe cache is filled with
 * entries of the wanted value size and the engine's own {@link CacheStats#bytesUsed()} divided by its entry count
 * gives the bytes one entry costs, header included.
 */
public final class ArenaSizing {

    private static final int PROBE_ENTRIES = 256;

    private ArenaSizing() {
    }

    /**
     * A builder whose byte budget holds {@code spec.entries()} entries: the engine's own per-entry bytes are measured
     * on a probe cache (not guessed), and one generation of headroom is added because the oldest generation is
     * retired when the ring is full.
     */
    public static ArenaCacheBuilder<Long, byte[]> builderFor(CacheSpec spec, int shards) {
        int generations = ArenaCacheBuilder.DEFAULT_GENERATIONS;
        double perEntry = bytesPerEntry(spec.valueSize());
        double headroom = (double) generations / (generations - 1);
        long minimum = minimumBudget(shards, generations);
        long budget = Math.max(minimum, (long) (spec.entries() * perEntry * headroom * 1.05 * spec.slack()));
        return ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                .name("bench")
                .shards(shards)
                .generations(generations)
                .maxMemory(budget);
    }

    /** @return the off-heap bytes the engine accounts per entry of an 8-byte key and a {@code valueSize}-byte value */
    public static double bytesPerEntry(int valueSize) {
        long budget = Math.max(1 << 20, 8L * PROBE_ENTRIES * (valueSize + 256));
        try (ArenaCache<Long, byte[]> probe = ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                .name("probe").shards(1).generations(ArenaCacheBuilder.MIN_GENERATIONS).maxMemory(budget).build()) {
            byte[] value = new byte[valueSize];
            for (long key = 0; key < PROBE_ENTRIES; key++) {
                probe.put(key, value);
            }
            CacheStats stats = probe.stats();
            if (stats.entries() != PROBE_ENTRIES || stats.bytesUsed() <= 0) {
                throw new IllegalStateException("probe cache holds " + stats.entries() + " of " + PROBE_ENTRIES
                        + " entries in " + stats.bytesUsed() + " bytes: cannot size an arena-cache by entry count");
            }
            return (double) stats.bytesUsed() / stats.entries();
        }
    }

    /** @return the smallest budget a cache of {@code shards} × {@code generations} slabs accepts */
    public static long minimumBudget(int shards, int generations) {
        return ArenaCacheBuilder.MIN_GENERATION_BYTES * shards * generations;
    }
}
