package io.quarkiverse.arenacache.engine;

import java.util.concurrent.atomic.LongAdder;

/** The cache's event counters: striped, so the hot path never contends on one cache line. */
final class Counters {

    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder puts = new LongAdder();
    final LongAdder evictions = new LongAdder();
    final LongAdder evictionBytes = new LongAdder();
    final LongAdder expirations = new LongAdder();
    final LongAdder rejections = new LongAdder();
    final LongAdder explicitRemovals = new LongAdder();
    final LongAdder loadSuccesses = new LongAdder();
    final LongAdder loadFailures = new LongAdder();
    final LongAdder totalLoadTimeNanos = new LongAdder();
    final LongAdder generationRotations = new LongAdder();
}
