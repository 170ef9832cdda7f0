package io.quarkiverse.arenacache.engine;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;

/**
 * Several threads hammer a small cache (so slabs rotate, entries are compacted and index tables grow all the
 * time) with values that carry their key and a checksum: a torn or misplaced value is detected on every read.
 * Bounded in time and in operations.
 */
class ConcurrencyStressTest {

    private static final int THREADS = 4;
    private static final long TIME_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int OPERATION_LIMIT = 2_000_000;
    private static final int KEYS = 4_000;
    private static final java.lang.foreign.ValueLayout.OfLong BIG_ENDIAN_LONG = JAVA_LONG_UNALIGNED
            .withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    /** key (8) | length-prefixed random payload | CRC32 of everything before (8). */
    static byte[] value(long key, ThreadLocalRandom random) {
        int payload = random.nextInt(0, 300);
        ByteBuffer buffer = ByteBuffer.allocate(8 + payload + 8);
        buffer.putLong(key);
        for (int i = 0; i < payload; i++) {
            buffer.put((byte) random.nextInt());
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, 8 + payload);
        buffer.putLong(crc.getValue());
        return buffer.array();
    }

    static String corruption(long key, byte[] value) {
        if (value.length < 16) {
            return "too short: " + value.length;
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        if (buffer.getLong(0) != key) {
            return "value of key " + buffer.getLong(0) + " returned for key " + key;
        }
        CRC32 crc = new CRC32();
        crc.update(value, 0, value.length - 8);
        return crc.getValue() == buffer.getLong(value.length - 8) ? null : "checksum mismatch";
    }

    /** Zero-copy check of the same properties, straight from the slab. */
    static boolean validInPlace(long key, MemorySegment segment, long offset, int length) {
        if (length < 16 || segment.get(BIG_ENDIAN_LONG, offset) != key) {
            return false;
        }
        byte[] copy = new byte[length];
        MemorySegment.copy(segment, java.lang.foreign.ValueLayout.JAVA_BYTE, offset, copy, 0, length);
        return corruption(key, copy) == null;
    }

    /**
     * With puts that carry a TTL, lookups check every entry's expiry in its header; without, a {@code Long} key's hit
     * reads only the index slot and the value bytes (see {@code Shard#find}): both paths race the writers.
     */
    @ParameterizedTest(name = "puts with a TTL: {0}")
    @ValueSource(booleans = { true, false })
    void concurrentReadsWritesRotationsAndLoadsNeverSeeCorruptValues(boolean ttlPuts) throws Exception {
        FakeTicker ticker = new FakeTicker();
        AtomicLong listenerCalls = new AtomicLong();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        try (ArenaCache<Long, byte[]> cache = ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                .name("stress").maxMemory(4 * 4 * 16 * 1024).shards(4).generations(4).ticker(ticker)
                .evictionListener((key, value, cause) -> {
                    listenerCalls.incrementAndGet();
                    String corrupt = corruption(key, value);
                    if (corrupt != null) {
                        problems.add("listener saw " + corrupt);
                    }
                }).build();
                ArenaCache<Long, Long> loads = ArenaCache.builder(Codecs.longs(), Codecs.longs()).name("loads")
                        .maxMemory(1 << 20).shards(2).ticker(ticker).build()) {
            AtomicInteger operations = new AtomicInteger();
            long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            AtomicLong hitsSeen = new AtomicLong();
            for (int t = 0; t < THREADS; t++) {
                threads.add(Thread.ofPlatform().name("stress-" + t).start(() -> {
                    try {
                        start.await();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < deadline && operations.incrementAndGet() < OPERATION_LIMIT) {
                            long key = random.nextInt(KEYS);
                            int dice = random.nextInt(100);
                            if (dice < 45) {
                                byte[] value = cache.get(key);
                                if (value != null) {
                                    hitsSeen.incrementAndGet();
                                    String corrupt = corruption(key, value);
                                    if (corrupt != null) {
                                        problems.add("get saw " + corrupt);
                                    }
                                }
                            } else if (dice < 55) {
                                Boolean valid = cache.read(key, (segment, offset, length) -> validInPlace(key,
                                        segment, offset, length));
                                if (Boolean.FALSE.equals(valid)) {
                                    problems.add("read saw a corrupt value");
                                }
                            } else if (dice < 85) {
                                cache.put(key, value(key, random));
                            } else if (dice < 88 && ttlPuts) {
                                cache.put(key, value(key, random), Duration.ofNanos(random.nextLong(1, 1_000_000)));
                            } else if (dice < 88) {
                                cache.put(key, value(key, random));
                            } else if (dice < 92) {
                                cache.invalidate(key);
                            } else if (dice < 96) {
                                byte[] value = cache.getOrLoad(key, k -> value(k, ThreadLocalRandom.current()));
                                String corrupt = corruption(key, value);
                                if (corrupt != null) {
                                    problems.add("getOrLoad saw " + corrupt);
                                }
                            } else if (dice < 99) {
                                cache.containsKey(key);
                                ticker.advanceNanos(1_000);
                            } else if (random.nextInt(200) == 0) {
                                cache.invalidateAll();
                            } else {
                                checkStats(cache.stats(), problems);
                            }
                        }
                    } catch (Throwable e) {
                        problems.add("exception: " + e);
                        e.printStackTrace();
                    }
                }));
            }
            Thread singleFlight = Thread.ofPlatform().name("single-flight").start(() -> {
                try {
                    start.await();
                    singleFlightRounds(loads, deadline, problems);
                } catch (Throwable e) {
                    problems.add("single flight exception: " + e);
                }
            });
            start.countDown();
            assertAllFinish(threads);
            singleFlight.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(problems).isEmpty();
            CacheStats stats = cache.stats();
            checkStats(stats, problems);
            assertThat(problems).isEmpty();
            assertThat(stats.generationRotations()).as("rotations happened").isPositive();
            assertThat(stats.evictions()).isPositive();
            assertThat(hitsSeen.get()).isPositive();
            assertThat(listenerCalls.get()).isEqualTo(stats.evictions() + stats.expirations());
            // quiescent: every key's value is intact
            for (long key = 0; key < KEYS; key++) {
                byte[] value = cache.get(key);
                if (value != null) {
                    assertThat(corruption(key, value)).isNull();
                }
            }
        }
    }

    /** Waits up to a minute for each stress thread; a thread still running is a hang (or a livelock) to report. */
    private static void assertAllFinish(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(thread.isAlive()).as("stress thread finished").isFalse();
        }
    }

    /** key (8) | fixed-length random payload | CRC32 (8): every update of a live key is overwritten in place. */
    static byte[] fixedSizeValue(long key, ThreadLocalRandom random) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + 100 + 8);
        buffer.putLong(key);
        for (int i = 0; i < 100; i++) {
            buffer.put((byte) random.nextInt());
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, 8 + 100);
        buffer.putLong(crc.getValue());
        return buffer.array();
    }

    @Test
    void readersRacingInPlaceOverwritesOfHotKeysNeverSeeTornValues() throws Exception {
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        int hotKeys = 16; // few keys, so readers and writers meet on the same entries all the time
        try (ArenaCache<Long, byte[]> cache = ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                .name("in-place").maxMemory(1 << 20).shards(2).ticker(new FakeTicker()).build()) {
            for (long key = 0; key < hotKeys; key++) {
                cache.put(key, fixedSizeValue(key, ThreadLocalRandom.current()));
            }
            long bytesUsed = cache.stats().bytesUsed();
            AtomicInteger operations = new AtomicInteger();
            long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(Thread.ofPlatform().name("in-place-" + t).start(() -> {
                    try {
                        start.await();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < deadline && operations.incrementAndGet() < OPERATION_LIMIT) {
                            long key = random.nextInt(hotKeys);
                            int dice = random.nextInt(4);
                            if (dice == 0) {
                                cache.put(key, fixedSizeValue(key, random));
                            } else if (dice == 1) {
                                if (!Boolean.TRUE.equals(cache.read(key,
                                        (segment, offset, length) -> validInPlace(key, segment, offset, length)))) {
                                    problems.add("read saw a torn or missing value of key " + key);
                                }
                            } else {
                                byte[] value = cache.get(key);
                                String corrupt = value == null ? "a miss" : corruption(key, value);
                                if (corrupt != null) {
                                    problems.add("get saw " + corrupt);
                                }
                            }
                        }
                    } catch (Throwable e) {
                        problems.add("exception: " + e);
                    }
                }));
            }
            start.countDown();
            assertAllFinish(threads);
            assertThat(problems).isEmpty();
            CacheStats stats = cache.stats();
            assertThat(stats.puts()).as("overwrites happened").isGreaterThan(hotKeys * 10L);
            assertThat(stats.entries()).isEqualTo(hotKeys);
            assertThat(stats.bytesUsed()).isEqualTo(bytesUsed);
            assertThat(stats.generationRotations()).as("every update stayed in place").isZero();
        }
    }

    private static void checkStats(CacheStats stats, Queue<String> problems) {
        if (stats.bytesUsed() > stats.maxMemory() || stats.bytesUsed() < 0 || stats.entries() < 0) {
            problems.add("bad gauges: " + stats);
        }
    }

    /**
     * N threads ask for the same new key at once; the loader waits (bounded) until all have missed, so exactly
     * one load per key may happen.
     */
    private static void singleFlightRounds(ArenaCache<Long, Long> loads, long deadline, Queue<String> problems)
            throws InterruptedException {
        int callers = 3;
        for (long round = 0; round < 200 && System.nanoTime() < deadline; round++) {
            long key = round;
            AtomicInteger invocations = new AtomicInteger();
            long missesBefore = loads.stats().misses();
            List<Thread> threads = new ArrayList<>();
            Queue<Long> results = new ConcurrentLinkedQueue<>();
            for (int c = 0; c < callers; c++) {
                threads.add(Thread.ofPlatform().start(() -> results.add(loads.getOrLoad(key, k -> {
                    invocations.incrementAndGet();
                    for (int spin = 0; spin < 50_000_000 && loads.stats().misses() < missesBefore + callers; spin++) {
                        Thread.onSpinWait();
                    }
                    return k * 31;
                }))));
            }
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
            if (invocations.get() != 1) {
                problems.add("loader ran " + invocations.get() + " times for key " + key);
            }
            if (results.size() != callers || !results.stream().allMatch(r -> r == key * 31)) {
                problems.add("wrong load results for key " + key + ": " + results);
            }
        }
    }

    @Test
    void readersRacingIndexResizesAlwaysFindEntriesThatStay() throws Exception {
        for (int round = 0; round < 3; round++) {
            try (ArenaCache<Long, Long> cache = ArenaCache.builder(Codecs.longs(), Codecs.longs())
                    .maxMemory(64L << 20).shards(1).build()) {
                for (long key = 0; key < 32; key++) {
                    cache.put(key, key * 3);
                }
                Queue<String> problems = new ConcurrentLinkedQueue<>();
                AtomicInteger resizesLeft = new AtomicInteger(1);
                List<Thread> readers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    readers.add(Thread.ofPlatform().start(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (resizesLeft.get() > 0) {
                            long key = random.nextInt(32);
                            Long value = cache.get(key);
                            // nothing evicts or removes these keys: a miss here would be a lost entry
                            if (value == null || value != key * 3) {
                                problems.add("key " + key + " read as " + value);
                            }
                        }
                    }));
                }
                // grows the index from 64 slots through many doublings while the readers run
                for (long key = 1_000; key < 100_000; key++) {
                    cache.put(key, key);
                }
                resizesLeft.set(0);
                for (Thread reader : readers) {
                    reader.join(TimeUnit.SECONDS.toMillis(30));
                }
                assertThat(cache.layout().shards().getFirst().indexCapacity()).isGreaterThanOrEqualTo(1 << 17);
                assertThat(problems).isEmpty();
            }
        }
    }

    @Test
    void readersRacingCloseGetAValueOrIllegalStateException() throws Exception {
        for (int round = 0; round < 20; round++) {
            ArenaCache<Long, byte[]> cache = ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                    .maxMemory(1 << 20).shards(2).build();
            for (long key = 0; key < 200; key++) {
                cache.put(key, value(key, ThreadLocalRandom.current()));
            }
            Queue<String> problems = new ConcurrentLinkedQueue<>();
            CountDownLatch running = new CountDownLatch(3);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    running.countDown();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 1_000_000; i++) {
                        long key = random.nextInt(200);
                        try {
                            if (random.nextBoolean()) {
                                byte[] value = cache.get(key);
                                if (value != null && corruption(key, value) != null) {
                                    problems.add("corrupt value while closing");
                                }
                            } else {
                                cache.put(key, value(key, random));
                            }
                        } catch (IllegalStateException e) {
                            if (!e.getMessage().contains("closed")) {
                                problems.add("unexpected " + e);
                            }
                            return;
                        } catch (Throwable e) {
                            problems.add("unexpected " + e);
                            return;
                        }
                    }
                }));
            }
            running.await();
            cache.close();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(problems).isEmpty();
        }
    }
}
