package io.quarkiverse.arenacache.engine;

import static io.quarkiverse.arenacache.engine.EntryLayout.HEADER_BYTES;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheSettings;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.EvictionListener;
import io.quarkiverse.arenacache.RemovalCause;
import io.quarkiverse.arenacache.Ticker;
import io.quarkiverse.arenacache.ValueReader;

/**
 * The off-heap engine behind {@link ArenaCache}. Internal: build caches with {@link ArenaCache#builder}.
 * <p>
 * A call encodes its key into a per-thread scratch buffer, hashes it ({@link KeyHash}), picks a {@link Shard} by
 * the hash's high bits and lets the shard do the work. This class adds what spans shards: argument checks,
 * expiry times, counters, the eviction listener, single-flight loads and the lifecycle. See {@code
 * docs/modules/ROOT/pages/engine.adoc}.
 */
public final class ArenaCacheEngine<K, V> implements ArenaCache<K, V> {

    private static final long NEVER = Long.MAX_VALUE;
    /** The "now" of a lookup while no entry can expire: before every expiry time, and no clock read. */
    private static final long BEFORE_ANY_EXPIRY = Shard.NOTHING_EXPIRES;

    private final CacheSettings settings;
    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    /** {@link WordKeys#NONE}, or the length of the built-in fixed-width keys looked up without encoding them. */
    private final int wordKeyLength;
    private final Ticker ticker;
    private final EvictionListener<? super K, ? super V> listener;
    private final long defaultTtlNanos;
    /**
     * Whether any entry may have an expiry time: a cache-wide TTL, or a put with a TTL ever made. Until then a
     * lookup skips the clock read. Set before such an entry is stored, so a lookup that reads false started
     * before the entry existed, and the entry was live at some point during that lookup.
     */
    private volatile boolean entriesMayExpire;
    private final Arena slabArena;
    private final Shard[] shards;
    private final int shardShift;
    private final Counters counters = new Counters();
    private final ConcurrentHashMap<EncodedKey, Flight<V>> flights = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final WindowTinyLfuPolicy policy;

    private ArenaCacheEngine(CacheSettings settings, Codec<K> keyCodec, Codec<V> valueCodec, Ticker ticker,
            EvictionListener<? super K, ? super V> listener) {
        this.settings = settings;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.wordKeyLength = WordKeys.lengthFor(keyCodec);
        this.ticker = ticker;
        this.listener = listener;
        this.defaultTtlNanos = settings.expireAfterWrite().map(ArenaCacheEngine::toNanos).orElse(NEVER);
        this.entriesMayExpire = defaultTtlNanos != NEVER;
        this.slabArena = Arena.ofShared();
        this.shards = new Shard[settings.shards()];
        this.shardShift = Long.SIZE - Integer.numberOfTrailingZeros(settings.shards());
        this.policy = new WindowTinyLfuPolicy(settings.maxMemory(), settings.shards(), slabArena);
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new Shard(i, settings.name(), slabArena, settings.generationBytes(), settings.generations(),
                    this.policy);
        }
    }

    /** Builds a cache from validated settings; called by {@link io.quarkiverse.arenacache.ArenaCacheBuilder}. */
    public static <K, V> ArenaCache<K, V> create(CacheSettings settings, Codec<K> keyCodec, Codec<V> valueCodec,
            Ticker ticker, EvictionListener<? super K, ? super V> listener) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(keyCodec, "keyCodec");
        Objects.requireNonNull(valueCodec, "valueCodec");
        Objects.requireNonNull(ticker, "ticker");
        return new ArenaCacheEngine<>(settings, keyCodec, valueCodec, ticker, listener);
    }

    /**
     * @return the largest entry, header included, a slab of {@code generationBytes} can hold: the whole slab (a
     *         rotation always frees enough of the recycled slab for it)
     */
    public static long maxEntryBytes(long generationBytes) {
        return generationBytes;
    }

    static IllegalStateException closedException(String cacheName) {
        return new IllegalStateException("arena cache '" + cacheName + "' is closed");
    }

    // ---------------------------------------------------------------- lookups

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public V get(K key) {
        Objects.requireNonNull(key, "key");
        checkOpen();
        return lookup(key, Shard.MODE_GET, null, true);
    }

    @Override
    public <R> R read(K key, ValueReader<R> reader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reader, "reader");
        checkOpen();
        Object result = find(key, Shard.MODE_READ, reader, true);
        @SuppressWarnings("unchecked")
        R cast = result == Shard.MISS ? null : (R) result;
        return cast;
    }

    @Override
    public boolean containsKey(K key) {
        Objects.requireNonNull(key, "key");
        checkOpen();
        return find(key, Shard.MODE_CONTAINS, null, false) != Shard.MISS;
    }

    @SuppressWarnings("unchecked")
    private V lookup(K key, int mode, ValueReader<?> reader, boolean countStats) {
        Object result = find(key, mode, reader, countStats);
        return result == Shard.MISS ? null : (V) result;
    }

    /**
     * Finds the key (as words for a {@link WordKeys word key}, otherwise encoded into scratch), counts the outcome
     * and removes an expired entry it ran into.
     *
     * @return the shard's result, with {@link Shard#EXPIRED} turned into {@link Shard#MISS}
     */
    private Object find(K key, int mode, ValueReader<?> reader, boolean countStats) {
        long now = entriesMayExpire ? ticker.read() : BEFORE_ANY_EXPIRY;
        Object result = wordKeyLength != WordKeys.NONE ? findWordKey(key, now, mode, reader)
                : findEncoded(key, now, mode, reader);
        if (countStats) {
            (result == Shard.MISS ? counters.misses : counters.hits).increment();
        }
        return result;
    }

    private Object findWordKey(K key, long now, int mode, ValueReader<?> reader) {
        long firstWord;
        long secondWord = 0;
        long hash;
        switch (wordKeyLength) {
            case WordKeys.LONG -> {
                firstWord = (Long) key;
                hash = KeyHash.hashLong(firstWord);
            }
            case WordKeys.INTEGER -> {
                firstWord = (Integer) key;
                hash = KeyHash.hashInt((int) firstWord);
            }
            default -> {
                UUID uuid = (UUID) key;
                firstWord = uuid.getMostSignificantBits();
                secondWord = uuid.getLeastSignificantBits();
                hash = KeyHash.hashTwoLongs(firstWord, secondWord);
            }
        }
        Object result = shardFor(hash).find(hash, null, firstWord, secondWord, wordKeyLength, now, mode,
                valueCodec, reader);
        return result == Shard.EXPIRED ? findEncoded(key, now, mode, reader) : result;
    }

    private Object findEncoded(K key, long now, int mode, ValueReader<?> reader) {
        Scratch scratch = Scratch.current();
        int keyLength = checkedSize(keyCodec.encodedSize(key), "key");
        MemorySegment keyBytes = scratch.key(keyLength);
        keyCodec.encode(key, keyBytes, 0);
        long hash = KeyHash.hash(keyBytes, 0, keyLength);
        Shard shard = shardFor(hash);
        Object result = shard.find(hash, keyBytes, 0, 0, keyLength, now, mode, valueCodec, reader);
        if (result == Shard.EXPIRED) {
            Removals removals = newRemovals();
            shard.removeIfExpired(hash, keyBytes, keyLength, now, removals);
            deliver(removals);
            result = Shard.MISS;
        }
        return result;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        checkOpen();
        store(key, value, defaultTtlNanos);
    }

    @Override
    public void put(K key, V value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        checkOpen();
        if (!entriesMayExpire) {
            entriesMayExpire = true;
        }
        store(key, value, toNanos(ttl));
    }

    /**
     * Encodes key and value into scratch first (a throwing or lying codec fails here, before the cache is
     * touched), then copies them into the shard under its lock.
     */
    private void store(K key, V value, long ttlNanos) {
        Removals removals = newRemovals();
        store(key, value, ttlNanos, removals);
        deliver(removals);
    }

    /** {@link #store(Object, Object, long)}, collecting the removals for the caller to deliver. */
    private void store(K key, V value, long ttlNanos, Removals removals) {
        int keyLength = checkedSize(keyCodec.encodedSize(key), "key");
        int valueLength = checkedSize(valueCodec.encodedSize(value), "value");
        long entrySize = (long) HEADER_BYTES + keyLength + valueLength;
        if (entrySize > settings.maxEntryBytes()) {
            reject(key, value, removals);
            return;
        }
        MemorySegment entry = Scratch.current().entry(keyLength + valueLength);
        keyCodec.encode(key, entry.asSlice(0, keyLength), 0);
        valueCodec.encode(value, entry.asSlice(keyLength, valueLength), 0);
        long hash = KeyHash.hash(entry, 0, keyLength);
        long now = ticker.read();
        long expiresAt = ttlNanos == NEVER ? NEVER : saturatedAdd(now, ttlNanos);
        policy.recordWrite(hash);
        shardFor(hash).put(hash, entry, keyLength, valueLength, expiresAt, now, removals);
    }

    /** Refuses an entry too large for a slab, removing any older value so that no stale value survives. */
    private void reject(K key, V value, Removals removals) {
        Scratch scratch = Scratch.current();
        int keyLength = checkedSize(keyCodec.encodedSize(key), "key");
        MemorySegment keyBytes = scratch.key(keyLength);
        keyCodec.encode(key, keyBytes, 0);
        long hash = KeyHash.hash(keyBytes, 0, keyLength);
        shardFor(hash).remove(hash, keyBytes, keyLength, ticker.read(), removals, false);
        counters.rejections.increment();
        if (removals != null) {
            removals.addObjects(key, value, RemovalCause.REJECTED);
        }
    }

    @Override
    public boolean invalidate(K key) {
        Objects.requireNonNull(key, "key");
        checkOpen();
        Scratch scratch = Scratch.current();
        int keyLength = checkedSize(keyCodec.encodedSize(key), "key");
        MemorySegment keyBytes = scratch.key(keyLength);
        keyCodec.encode(key, keyBytes, 0);
        return invalidateEncoded(keyBytes, keyLength);
    }

    private boolean invalidateEncoded(MemorySegment keyBytes, int keyLength) {
        long hash = KeyHash.hash(keyBytes, 0, keyLength);
        if (!flights.isEmpty()) {
            // Flag first, remove second: a load stores either before the flag (removed here) or not at all.
            Flight<V> loading = flights.get(new EncodedKey(keyBytes.asSlice(0, keyLength).toArray(JAVA_BYTE), hash));
            if (loading != null) {
                loading.invalidate();
            }
        }
        Removals removals = newRemovals();
        int outcome = shardFor(hash).remove(hash, keyBytes, keyLength, ticker.read(), removals, true);
        deliver(removals);
        return outcome == Shard.REMOVED_LIVE;
    }

    @Override
    public long invalidateIf(Predicate<? super K> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        checkOpen();
        flights.forEach((encoded, flight) -> {
            byte[] bytes = encoded.bytes();
            if (predicate.test(keyCodec.decode(MemorySegment.ofArray(bytes), 0, bytes.length))) {
                flight.invalidate();
            }
        });
        long removed = 0;
        for (Shard shard : shards) {
            // Keys are copied under the shard's lock; decoding and the predicate run outside any lock.
            for (byte[] encoded : shard.liveKeys(ticker.read())) {
                MemorySegment keyBytes = MemorySegment.ofArray(encoded);
                K key = keyCodec.decode(keyBytes, 0, encoded.length);
                if (predicate.test(key) && invalidateEncoded(keyBytes, encoded.length)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    @Override
    public void invalidateAll() {
        checkOpen();
        flights.values().forEach(Flight::invalidate);
        for (Shard shard : shards) {
            Removals removals = newRemovals();
            shard.clear(ticker.read(), removals);
            deliver(removals);
        }
    }

    // ---------------------------------------------------------------- loads

    @Override
    public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        checkOpen();
        V cached = lookup(key, Shard.MODE_GET, null, true);
        if (cached != null) {
            return cached;
        }
        EncodedKey flightKey = encodedKey(key);
        Flight<V> flight = new Flight<>(Thread.currentThread());
        Flight<V> running = flights.putIfAbsent(flightKey, flight);
        if (running != null) {
            if (running.ownedByCurrentThread()) {
                throw new IllegalStateException("recursive load: the loader of cache '" + name()
                        + "' asked the cache to load the key it is loading");
            }
            return running.await();
        }
        try {
            // Another flight may have finished between our miss and our registration: don't load twice.
            V loadedMeanwhile = lookup(key, Shard.MODE_GET, null, false);
            if (loadedMeanwhile != null) {
                flight.future.complete(loadedMeanwhile);
                return loadedMeanwhile;
            }
            V value = load(key, loader);
            storeLoaded(key, value, flight);
            flight.future.complete(value);
            return value;
        } catch (Throwable failure) {
            flight.future.completeExceptionally(failure);
            throw Sneaky.rethrow(failure);
        } finally {
            flights.remove(flightKey, flight);
        }
    }

    /** Runs the loader once, counting it exactly once as a success or a failure. */
    private V load(K key, Function<? super K, ? extends V> loader) {
        long start = ticker.read();
        V value;
        try {
            value = loader.apply(key);
        } catch (Throwable failure) {
            counters.totalLoadTimeNanos.add(ticker.read() - start);
            counters.loadFailures.increment();
            throw failure;
        }
        counters.totalLoadTimeNanos.add(ticker.read() - start);
        if (value == null) {
            counters.loadFailures.increment();
            throw nullLoaded(loader);
        }
        counters.loadSuccesses.increment();
        return value;
    }

    private NullPointerException nullLoaded(Object loader) {
        return new NullPointerException("loader " + loader + " of cache '" + name() + "' returned null");
    }

    @Override
    public CompletionStage<V> getOrLoadAsync(K key,
            Function<? super K, ? extends CompletionStage<? extends V>> loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        checkOpen();
        V cached = lookup(key, Shard.MODE_GET, null, true);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        EncodedKey flightKey = encodedKey(key);
        // owned by this thread until the loader has returned its stage: a synchronous getOrLoad of the key from the
        // loader then fails as a recursive load instead of waiting for its own load forever
        Flight<V> flight = new Flight<>(Thread.currentThread());
        Flight<V> running = flights.putIfAbsent(flightKey, flight);
        if (running != null) {
            return running.future.minimalCompletionStage();
        }
        V loadedMeanwhile;
        try {
            loadedMeanwhile = lookup(key, Shard.MODE_GET, null, false);
        } catch (Throwable failure) {
            // e.g. a value put meanwhile that cannot be decoded: the flight must not outlive it (a later load of
            // the key would wait for it forever), and callers that joined it get the same failure
            flights.remove(flightKey, flight);
            flight.future.completeExceptionally(failure);
            return flight.future.minimalCompletionStage();
        }
        if (loadedMeanwhile != null) {
            flights.remove(flightKey, flight);
            flight.future.complete(loadedMeanwhile);
            return flight.future.minimalCompletionStage();
        }
        long start = ticker.read();
        CompletionStage<? extends V> stage;
        try {
            try {
                stage = loader.apply(key);
            } finally {
                flight.disown();
            }
            if (stage == null) {
                throw new NullPointerException("loader " + loader + " of cache '" + name() + "' returned a null stage");
            }
        } catch (Throwable failure) {
            counters.totalLoadTimeNanos.add(ticker.read() - start);
            counters.loadFailures.increment();
            flights.remove(flightKey, flight);
            flight.future.completeExceptionally(failure);
            return flight.future.minimalCompletionStage();
        }
        stage.whenComplete((value, error) -> finishAsyncLoad(key, loader, flightKey, flight, start, value, error));
        return flight.future.minimalCompletionStage();
    }

    private void finishAsyncLoad(K key, Object loader, EncodedKey flightKey, Flight<V> flight, long start, V value,
            Throwable error) {
        counters.totalLoadTimeNanos.add(ticker.read() - start);
        Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                : error;
        if (failure == null && value == null) {
            failure = nullLoaded(loader);
        }
        if (failure != null) {
            counters.loadFailures.increment();
            flights.remove(flightKey, flight);
            flight.future.completeExceptionally(failure);
            return;
        }
        counters.loadSuccesses.increment();
        try {
            storeLoaded(key, value, flight);
        } catch (Throwable putFailure) {
            if (!isClosed()) {
                flights.remove(flightKey, flight);
                flight.future.completeExceptionally(putFailure);
                return;
            }
            // Closed while loading: the caller still gets the value it waited for.
        }
        flights.remove(flightKey, flight);
        flight.future.complete(value);
    }

    /**
     * Stores a loaded value unless its key was invalidated while the loader ran: the callers still get the value,
     * the cache does not keep it (as with Caffeine, where an invalidation waits for the load and then removes it).
     * The check and the store are atomic with respect to {@link Flight#invalidate}: an invalidation either comes
     * first (nothing is stored) or waits for the store and then removes what it stored. Checking again after the
     * store and removing the key instead would also remove a value put by anyone after the invalidation. The
     * eviction listener is told after the flight's monitor is released.
     */
    private void storeLoaded(K key, V value, Flight<V> flight) {
        Removals removals = newRemovals();
        flight.storeUnlessInvalidated(() -> {
            checkOpen();
            store(key, value, defaultTtlNanos, removals);
        });
        deliver(removals);
    }

    private EncodedKey encodedKey(K key) {
        int keyLength = checkedSize(keyCodec.encodedSize(key), "key");
        byte[] bytes = new byte[keyLength];
        MemorySegment segment = MemorySegment.ofArray(bytes);
        keyCodec.encode(key, segment, 0);
        return new EncodedKey(bytes, KeyHash.hash(segment, 0, keyLength));
    }

    // ---------------------------------------------------------------- inspection

    @Override
    public long size() {
        checkOpen();
        long size = 0;
        for (Shard shard : shards) {
            size += shard.entries();
        }
        return size;
    }

    @Override
    public CacheStats stats() {
        checkOpen();
        long bytesCommitted = 0;
        // Entries, bytes used and event counts of a shard are read together: read one after the other, a put in
        // between made the figures disagree (bytes of entries not counted, puts that added no entry).
        EventCounts counts = new EventCounts();
        for (Shard shard : shards) {
            bytesCommitted += shard.bytesCommitted();
            shard.addCounts(counts);
        }
        Counters c = counters;
        return new CacheStats(c.hits.sum(), c.misses.sum(), counts.puts, counts.evictions, counts.evictionBytes,
                counts.expirations, c.rejections.sum(), counts.explicitRemovals, c.loadSuccesses.sum(),
                c.loadFailures.sum(), c.totalLoadTimeNanos.sum(), counts.generationRotations, counts.entries,
                counts.bytesUsed, bytesCommitted, settings.maxMemory());
    }

    @Override
    public CacheSettings settings() {
        checkOpen();
        return settings;
    }

    @Override
    public CacheLayout layout() {
        checkOpen();
        List<CacheLayout.Shard> layouts = new ArrayList<>(shards.length);
        for (Shard shard : shards) {
            layouts.add(shard.layout());
        }
        return new CacheLayout(layouts);
    }

    @Override
    public Codec<K> keyCodec() {
        checkOpen();
        return keyCodec;
    }

    @Override
    public Codec<V> valueCodec() {
        checkOpen();
        return valueCodec;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Shard shard : shards) {
            shard.close();
        }
        ArenaCloser.close(slabArena);
    }

    @Override
    public String toString() {
        return "ArenaCache[" + name() + "]";
    }

    // ---------------------------------------------------------------- helpers

    private void checkOpen() {
        if (closed.get()) {
            throw closedException(name());
        }
    }

    private Shard shardFor(long hash) {
        return shards.length == 1 ? shards[0] : shards[(int) (hash >>> shardShift)];
    }

    private Removals newRemovals() {
        return listener == null ? null : new Removals();
    }

    /**
     * Tells the listener about collected removals, outside any lock; its exceptions (checked ones included) are
     * logged, never thrown, and never keep the other removals from being told.
     */
    @SuppressWarnings("unchecked")
    private void deliver(Removals removals) {
        if (removals == null) {
            return;
        }
        for (Removals.Removal removal : removals.drain()) {
            try {
                K key;
                V value;
                if (removal.keyBytes() != null) {
                    key = keyCodec.decode(MemorySegment.ofArray(removal.keyBytes()), 0, removal.keyBytes().length);
                    value = valueCodec.decode(MemorySegment.ofArray(removal.valueBytes()), 0,
                            removal.valueBytes().length);
                } else {
                    key = (K) removal.key();
                    value = (V) removal.value();
                }
                listener.onEviction(key, value, removal.cause());
            } catch (Exception e) { // checked ones too (Kotlin, sneaky throws); Errors still propagate
                // looked up when needed, not held in a static field: a native image built with this class
                // initialized at build time would otherwise keep a logger bound at build time
                System.getLogger(ArenaCacheEngine.class.getName()).log(System.Logger.Level.WARNING,
                        "eviction listener of arena cache '" + name() + "' failed for a " + removal.cause()
                                + " removal",
                        e);
            }
        }
    }

    private static int checkedSize(int size, String what) {
        if (size < 0) {
            throw new IllegalArgumentException("the " + what + " codec returned a negative encodedSize: " + size);
        }
        return size;
    }

    private static long toNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return NEVER;
        }
    }

    private static long saturatedAdd(long now, long ttlNanos) {
        long sum = now + ttlNanos;
        return ((now ^ sum) & (ttlNanos ^ sum)) < 0 ? NEVER : sum;
    }
}
