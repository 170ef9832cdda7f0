package io.quarkiverse.arenacache.benchmarks.simulation;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheBuilder;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.ValueReader;
import io.quarkiverse.arenacache.benchmarks.contenders.ArenaSizing;

/**
 * arena-cache's own eviction policy (one shard, default generations) with fixed-size entries, so its byte budget is
 * exactly {@code capacity} entries at the engine's measured per-entry cost. Values are padded when needed so the
 * budget meets the engine's minimum slab size even for tiny capacities.
 */
final class ArenaPolicy implements ReplayPolicy {

    private static final ValueReader<Boolean> PRESENT = (segment, offset, length) -> Boolean.TRUE;
    private static final int MIN_VALUE_SIZE = 16;

    private final ArenaCache<Long, byte[]> cache;
    private final byte[] value;
    private final long budget;

    ArenaPolicy(int capacity) {
        int generations = ArenaCacheBuilder.DEFAULT_GENERATIONS;
        long minimum = ArenaSizing.minimumBudget(1, generations);
        int valueSize = MIN_VALUE_SIZE;
        double perEntry = ArenaSizing.bytesPerEntry(valueSize);
        if (capacity * perEntry < minimum) {
            double overhead = perEntry - valueSize;
            valueSize = (int) Math.ceil(minimum / (double) capacity - overhead) + 8;
            perEntry = ArenaSizing.bytesPerEntry(valueSize);
        }
        budget = (long) Math.ceil(capacity * perEntry);
        value = new byte[valueSize];
        cache = ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                .name("simulation")
                .shards(1)
                .generations(generations)
                .maxMemory(budget)
                .build();
    }

    @Override
    public boolean access(long key) {
        if (cache.read(key, PRESENT) != null) {
            return true;
        }
        cache.put(key, value);
        return false;
    }

    @Override
    public long resident() {
        return cache.size();
    }

    long budget() {
        return budget;
    }

    int valueSize() {
        return value.length;
    }

    @Override
    public void close() {
        cache.close();
    }
}
