package io.quarkiverse.arenacache.engine;

/**
 * The events a shard counts under its lock (see {@code WriteState}): one shard's snapshot, or the sum over all shards
 * that {@code stats()} reports.
 */
final class EventCounts {

    long puts;
    long evictions;
    long evictionBytes;
    long expirations;
    long explicitRemovals;
    long generationRotations;
    /** Gauges read with the counts, so entries, bytes and puts of one shard belong to the same moment. */
    long entries;
    long bytesUsed;

    /** @return a copy of the shard's counts; consistent only if read under a stamp that validates, or the lock */
    static EventCounts of(WriteState w) {
        EventCounts counts = new EventCounts();
        counts.puts = w.puts;
        counts.evictions = w.evictions;
        counts.evictionBytes = w.evictionBytes;
        counts.expirations = w.expirations;
        counts.explicitRemovals = w.explicitRemovals;
        counts.generationRotations = w.generationRotations;
        counts.entries = w.entries;
        counts.bytesUsed = w.bytesUsed;
        return counts;
    }

    void add(EventCounts other) {
        puts += other.puts;
        evictions += other.evictions;
        evictionBytes += other.evictionBytes;
        expirations += other.expirations;
        explicitRemovals += other.explicitRemovals;
        generationRotations += other.generationRotations;
        entries += other.entries;
        bytesUsed += other.bytesUsed;
    }
}
