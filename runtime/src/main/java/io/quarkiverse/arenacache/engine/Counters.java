package io.quarkiverse.arenacache.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * The cache's event counters for lock-free paths (lookups, loads, rejections): striped, so the hot path never contends
 * on one cache line. Events under a shard's lock are counted by the shard itself (see {@code WriteState}).
 */
final class Counters {

    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder rejections = new LongAdder();
    final LongAdder loadSuccesses = new LongAdder();
    final LongAdder loadFailures = new LongAdder();
    final LongAdder totalLoadTimeNanos = new LongAdder();
}
