package io.quarkiverse.arenacache.engine;

import static io.quarkiverse.arenacache.engine.EntryLayout.DEAD_MARK;
import static io.quarkiverse.arenacache.engine.EntryLayout.HASH;
import static io.quarkiverse.arenacache.engine.EntryLayout.HEADER_BYTES;
import static io.quarkiverse.arenacache.engine.EntryLayout.KEY_LENGTH;
import static io.quarkiverse.arenacache.engine.EntryLayout.VALUE_LENGTH;
import static io.quarkiverse.arenacache.engine.EntryLayout.WINDOW_MARK;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.RemovalCause;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Time and bookkeeping against a reference model: per-entry TTLs down to the nanosecond (so lookups land exactly on
 * an expiry time), huge TTLs, values up to a slab's size, every lookup and
 * removal operation. After every operation the shards' internal counters (window and protected bytes, per-slab
 * window entries, live entries and bytes) must equal what the index holds, and every listener event must be
 * right: each written value is reported at most once, as {@code EXPIRED} exactly when it had expired.
 */
class TimeBookkeepingPropertyTest {

    sealed interface Op {
    }

    record Put(int key, int valueLength) implements Op {
    }

    record PutTtl(int key, int valueLength, long ttlNanos) implements Op {
    }

    record Get(int key) implements Op {
    }

    record Contains(int key) implements Op {
    }

    record Read(int key) implements Op {
    }

    record Invalidate(int key) implements Op {
    }

    record InvalidateIf(int modulus) implements Op {
    }

    record Advance(long nanos) implements Op {
    }

    record GetOrLoad(int key, int valueLength) implements Op {
    }

    record InvalidateAll() implements Op {
    }

    record Written(int key, long expiresAt) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        return operations(Arbitraries.integers().between(0, 60), Arbitraries.frequency(Tuple.of(6, 0),
                Tuple.of(60, 400), Tuple.of(30, 1500), Tuple.of(4, 4100))
                .flatMap(max -> Arbitraries.integers().between(0, Math.max(max, 0))));
    }

    /** Many tiny entries: the index grows while entries are evicted and expire. */
    @Provide
    Arbitrary<List<Op>> tinyEntries() {
        return operations(Arbitraries.integers().between(0, 3_000), Arbitraries.integers().between(0, 12));
    }

    private static Arbitrary<List<Op>> operations(Arbitrary<Integer> keys, Arbitrary<Integer> lengths) {
        Arbitrary<Long> ttls = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.longs().between(1, 50)),
                Tuple.of(6, Arbitraries.longs().between(1, 2_000)),
                Tuple.of(1, Arbitraries.longs().between(Long.MAX_VALUE - 100, Long.MAX_VALUE)));
        Arbitrary<Long> advances = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(1, 60)),
                Tuple.of(2, Arbitraries.just(0L)), Tuple.of(2, Arbitraries.longs().between(0, 3_000)));
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(25, Combinators.combine(keys, lengths).as(Put::new)),
                Tuple.of(20, Combinators.combine(keys, lengths, ttls).as(PutTtl::new)),
                Tuple.of(15, keys.map(Get::new)),
                Tuple.of(6, keys.map(Contains::new)),
                Tuple.of(6, keys.map(Read::new)),
                Tuple.of(6, keys.map(Invalidate::new)),
                Tuple.of(1, Arbitraries.integers().between(2, 5).map(InvalidateIf::new)),
                Tuple.of(15, advances.map(Advance::new)),
                Tuple.of(6, Combinators.combine(keys, lengths).as(GetOrLoad::new)),
                Tuple.of(1, Arbitraries.just(new InvalidateAll())));
        return op.list().ofMinSize(200).ofMaxSize(1500);
    }

    @Property(tries = 200)
    void countersAndEventsAgreeWithTheModel(@ForAll("operations") List<Op> operations,
            @ForAll boolean withDefaultTtl, @ForAll boolean twoShards,
            @ForAll @IntRange(min = 2, max = 4) int generations) {
        run(operations, withDefaultTtl, twoShards, generations);
    }

    @Property(tries = 60)
    void manyTinyEntries(@ForAll("tinyEntries") List<Op> operations, @ForAll boolean withDefaultTtl,
            @ForAll boolean twoShards) {
        run(operations, withDefaultTtl, twoShards, 2);
    }

    private static void run(List<Op> operations, boolean withDefaultTtl, boolean twoShards, int generations) {
        FakeTicker ticker = new FakeTicker();
        RecordingListener<Integer, String> listener = new RecordingListener<>();
        long defaultTtl = withDefaultTtl ? 500 : Long.MAX_VALUE;
        var builder = ArenaCache.builder(Codecs.integers(), Codecs.strings())
                .maxMemory((twoShards ? 2 : 1) * generations * 4096L)
                .shards(twoShards ? 2 : 1).generations(generations).ticker(ticker).evictionListener(listener);
        if (withDefaultTtl) {
            builder.expireAfterWrite(Duration.ofNanos(defaultTtl));
        }
        // every value is unique (a serial number), so each event names one write
        Map<String, Written> writes = new HashMap<>();
        Set<String> reported = new HashSet<>();
        Map<Integer, String> latest = new HashMap<>();
        int[] serial = { 0 };
        int seenEvents = 0;
        try (ArenaCache<Integer, String> cache = builder.build()) {
            for (Op operation : operations) {
                long now = ticker.read();
                switch (operation) {
                    case Put put -> {
                        String value = value(put.key(), put.valueLength(), serial[0]++);
                        writes.put(value, new Written(put.key(), expiry(now, defaultTtl)));
                        latest.put(put.key(), value);
                        cache.put(put.key(), value);
                    }
                    case PutTtl put -> {
                        String value = value(put.key(), put.valueLength(), serial[0]++);
                        writes.put(value, new Written(put.key(), expiry(now, put.ttlNanos())));
                        latest.put(put.key(), value);
                        cache.put(put.key(), value, Duration.ofNanos(put.ttlNanos()));
                    }
                    case Get get -> checkValue(cache.get(get.key()), get.key(), latest, writes, reported, now);
                    case Read read -> checkValue(cache.read(read.key(), (segment, offset, length) -> Codecs.strings()
                            .decode(segment, offset, length)), read.key(), latest, writes, reported, now);
                    case Contains contains -> {
                        boolean present = cache.containsKey(contains.key());
                        if (present) {
                            String value = latest.get(contains.key());
                            assertThat(value).isNotNull();
                            assertThat(now).isLessThan(writes.get(value).expiresAt());
                            assertThat(reported).doesNotContain(value);
                        }
                    }
                    case Invalidate invalidate -> {
                        String value = latest.remove(invalidate.key());
                        long before = cache.stats().explicitRemovals();
                        boolean removed = cache.invalidate(invalidate.key());
                        assertThat(cache.stats().explicitRemovals() - before).isEqualTo(removed ? 1 : 0);
                        if (removed) {
                            assertThat(value).isNotNull();
                            assertThat(now).isLessThan(writes.get(value).expiresAt());
                        }
                    }
                    case InvalidateIf invalidateIf -> {
                        long before = cache.stats().explicitRemovals();
                        long removed = cache.invalidateIf(k -> k % invalidateIf.modulus() == 0);
                        assertThat(cache.stats().explicitRemovals() - before).isEqualTo(removed);
                        latest.keySet().removeIf(k -> k % invalidateIf.modulus() == 0);
                    }
                    case Advance advance -> ticker.advanceNanos(advance.nanos());
                    case GetOrLoad load -> {
                        String loaded = value(load.key(), load.valueLength(), serial[0]++);
                        String result = cache.getOrLoad(load.key(), k -> loaded);
                        if (result.equals(loaded)) {
                            writes.put(loaded, new Written(load.key(), expiry(now, defaultTtl)));
                            latest.put(load.key(), loaded);
                        } else {
                            checkValue(result, load.key(), latest, writes, reported, now);
                        }
                    }
                    case InvalidateAll all -> {
                        cache.invalidateAll();
                        latest.clear();
                    }
                }
                // every new event: a value written, reported once, EXPIRED exactly when it had expired
                List<RecordingListener.Event<Integer, String>> events = listener.events;
                for (; seenEvents < events.size(); seenEvents++) {
                    RecordingListener.Event<Integer, String> event = events.get(seenEvents);
                    Written written = writes.get(event.value());
                    assertThat(written).as("event %s names a write", event).isNotNull();
                    assertThat(event.key()).isEqualTo(written.key());
                    assertThat(reported.add(event.value())).as("%s reported once", event).isTrue();
                    if (event.cause() == RemovalCause.REJECTED) {
                        assertThat(cache.containsKey(event.key())).isFalse();
                        latest.remove(event.key(), event.value());
                    } else if (event.cause() == RemovalCause.EXPIRED) {
                        assertThat(now).as("%s had expired", event).isGreaterThanOrEqualTo(written.expiresAt());
                    } else {
                        assertThat(event.cause()).isEqualTo(RemovalCause.SIZE);
                        assertThat(now).as("%s had not expired", event).isLessThan(written.expiresAt());
                    }
                }
                checkInternals(cache);
            }
            CacheStats stats = cache.stats();
            assertThat(listener.count(RemovalCause.SIZE)).isEqualTo(stats.evictions());
            assertThat(listener.count(RemovalCause.EXPIRED)).isEqualTo(stats.expirations());
            assertThat(listener.count(RemovalCause.REJECTED)).isEqualTo(stats.rejections());
            assertThat(listener.events.stream().filter(e -> e.cause() == RemovalCause.SIZE)
                    .mapToLong(e -> HEADER_BYTES + Integer.BYTES + Codecs.strings().encodedSize(e.value())).sum())
                    .as("eviction bytes").isEqualTo(stats.evictionBytes());
        }
    }

    private static long expiry(long now, long ttl) {
        long sum = now + ttl;
        return ttl == Long.MAX_VALUE || ((now ^ sum) & (ttl ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static void checkValue(String value, int key, Map<Integer, String> latest, Map<String, Written> writes,
            Set<String> reported, long now) {
        if (value == null) {
            return;
        }
        assertThat(value).isEqualTo(latest.get(key));
        assertThat(now).as("%s not expired", value).isLessThan(writes.get(value).expiresAt());
        assertThat(reported).doesNotContain(value);
    }

    /** The shards' counters against what their indexes and slabs hold. */
    static void checkInternals(ArenaCache<?, ?> cache) {
        for (Shard shard : shards(cache)) {
            WriteState w = (WriteState) field(shard, "w");
            IndexTable table = (IndexTable) field(shard, "table");
            Slab[] slabs = (Slab[]) field(shard, "slabs");
            long[] slabEntries = new long[slabs.length];
            long[] slabBytes = new long[slabs.length];
            long[] slabWindow = new long[slabs.length];
            long entries = 0;
            long bytes = 0;
            long window = 0;
            long protectedBytes = 0;
            for (int slot = 0; slot <= table.mask; slot++) {
                long location = table.locationAt(slot);
                if (location == Location.EMPTY) {
                    continue;
                }
                int generation = Location.generation(location);
                long offset = Location.offset(location);
                MemorySegment segment = slabs[generation].segment;
                assertThat(offset).isLessThan(slabs[generation].written);
                int age = Math.floorMod(generation - w.oldest, slabs.length);
                assertThat(age).as("entry in slab %d outside the slabs in use", generation).isLessThan(w.slabsInUse);
                if (generation == w.oldest) {
                    assertThat(offset).as("entry before the eviction cursor").isGreaterThanOrEqualTo(w.evictionCursor);
                }
                long stored = segment.get(JAVA_LONG_UNALIGNED, offset + HASH);
                int size = HEADER_BYTES + segment.get(JAVA_INT_UNALIGNED, offset + KEY_LENGTH)
                        + segment.get(JAVA_INT_UNALIGNED, offset + VALUE_LENGTH);
                assertThat(stored & DEAD_MARK).as("live entry marked dead").isZero();
                assertThat((stored & WINDOW_MARK) != 0).as("window mark").isEqualTo(Location.isWindow(location));
                assertThat(Location.isWindow(location) && Location.isProtected(location)).isFalse();
                entries++;
                bytes += size;
                slabEntries[generation]++;
                slabBytes[generation] += size;
                if (Location.isWindow(location)) {
                    window += size;
                    slabWindow[generation]++;
                } else if (Location.isProtected(location)) {
                    protectedBytes += size;
                }
            }
            assertThat(w.entries).isEqualTo(entries);
            assertThat(w.bytesUsed).isEqualTo(bytes);
            assertThat(w.windowBytes).as("window bytes").isEqualTo(window);
            assertThat(w.protectedBytes).as("protected bytes").isEqualTo(protectedBytes);
            for (int i = 0; i < slabs.length; i++) {
                if (slabs[i] == null) {
                    continue;
                }
                assertThat(slabs[i].liveEntries).as("slab %d entries", i).isEqualTo(slabEntries[i]);
                assertThat(slabs[i].liveBytes).as("slab %d bytes", i).isEqualTo(slabBytes[i]);
                assertThat(slabs[i].windowEntries).as("slab %d window entries", i).isEqualTo(slabWindow[i]);
            }
        }
    }

    static Shard[] shards(ArenaCache<?, ?> cache) {
        return (Shard[]) field(cache, "shards");
    }

    private static Object field(Object owner, String name) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String value(int key, int length, int serial) {
        StringBuilder value = new StringBuilder().append(key).append(':').append(serial).append(':');
        while (value.length() < length) {
            value.append((char) ('a' + (serial + value.length()) % 26));
        }
        return value.toString();
    }
}
