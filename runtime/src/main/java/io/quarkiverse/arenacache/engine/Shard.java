package io.quarkiverse.arenacache.engine;

import static io.quarkiverse.arenacache.engine.EntryLayout.DEAD_MARK;
import static io.quarkiverse.arenacache.engine.EntryLayout.EXPIRES_AT;
import static io.quarkiverse.arenacache.engine.EntryLayout.HASH;
import static io.quarkiverse.arenacache.engine.EntryLayout.HEADER_BYTES;
import static io.quarkiverse.arenacache.engine.EntryLayout.KEY_LENGTH;
import static io.quarkiverse.arenacache.engine.EntryLayout.VALUE_LENGTH;
import static io.quarkiverse.arenacache.engine.EntryLayout.WINDOW_MARK;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.RemovalCause;
import io.quarkiverse.arenacache.ValueReader;

/**
 * One independently locked part of the cache: an off-heap index and a ring of generation slabs.
 * <p>
 * Writers serialize on a {@link ShardLock}. Readers take no lock: they read under an optimistic stamp and only trust
 * what they read once the stamp validates; a failed validation (or an exception thrown while reading memory a writer
 * was changing) means retry, and after a few failures they take the lock, copy the value's bytes under it and decode
 * them (or hand them to the value reader) once it is released: the application's code never runs under the lock.
 * Readers never write slab bytes; the only reader write is a CAS of the referenced bit in an index slot.
 */
final class Shard {

    /** What {@link #find} returns when the key is absent. */
    static final Object MISS = new Object();
    /** What {@link #find} returns when the key's entry has expired. */
    static final Object EXPIRED = new Object();
    private static final Object RETRY = new Object();

    static final int MODE_GET = 0;
    static final int MODE_READ = 1;
    static final int MODE_CONTAINS = 2;
    /** Under the lock: copy the value's bytes out, for the codec or reader to run after the lock is released. */
    private static final int MODE_COPY = 3;

    /**
     * The {@code now} of a lookup while no entry can expire (see {@code ArenaCacheEngine}): before every expiry
     * time, since an expiry time is a ticker reading plus a positive TTL.
     */
    static final long NOTHING_EXPIRES = Long.MIN_VALUE;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    static final int OPTIMISTIC_ATTEMPTS = 4;
    private static final int INITIAL_INDEX_CAPACITY = 64;
    /** Keys up to this length are compared word by word on lookups. */
    private static final int SHORT_KEY_BYTES = 32;

    /** Results of the write operations that remove by key. */
    static final int ABSENT = 0;
    static final int REMOVED_LIVE = 1;
    static final int REMOVED_EXPIRED = 2;

    private final ShardLock lock = new ShardLock();
    private final int shardIndex;
    private final String cacheName;
    private final SlabSupply slabSupply;
    private final long generationBytes;
    /** The most live bytes this shard may hold: {@code generations × generationBytes}. */
    private final long liveBudget;
    /** {@code generations + 1} slabs: the spare one lets live bytes reach {@link #liveBudget}. */
    private final Slab[] slabs;
    /**
     * The slabs' segments, for lock-free readers: set once when a slab is installed, so a reader never loads the
     * {@link Slab} object, whose counters every put writes (another core's put would make the read miss).
     */
    private final MemorySegment[] segments;
    private final MemorySegment[] readOnlySegments;
    private final WindowTinyLfuPolicy policy;
    /** The policy's read buffer, held here so a hit never loads the policy object, whose fields puts write. */
    private final ReadBuffer reads;
    private volatile IndexTable table;
    private volatile boolean closed;
    /** Everything a put changes in the shard object itself; see {@link WriteState}. */
    private final WriteState w = new WriteState();

    Shard(int shardIndex, String cacheName, Arena slabArena, long generationBytes, int generations,
            WindowTinyLfuPolicy policy) {
        this.shardIndex = shardIndex;
        this.cacheName = cacheName;
        this.slabSupply = new SlabSupply(slabArena, generationBytes, generations + 1);
        this.generationBytes = generationBytes;
        this.liveBudget = generationBytes * generations;
        this.slabs = new Slab[generations + 1];
        this.segments = new MemorySegment[generations + 1];
        this.readOnlySegments = new MemorySegment[generations + 1];
        this.policy = policy;
        this.reads = policy.reads();
        this.table = new IndexTable(INITIAL_INDEX_CAPACITY);
    }

    // ---------------------------------------------------------------- reads (lock-free)

    /**
     * Looks up a key and, on a hit, decodes or reads its value.
     *
     * @param key the encoded key, from offset 0; {@code null} for a word key (see {@link WordKeys}), whose
     *        {@code keyLength} bytes are in {@code firstWord} and {@code secondWord} instead
     * @return {@link #MISS}, {@link #EXPIRED}, or the decoded value / reader result ({@code Boolean.TRUE} for
     *         {@link #MODE_CONTAINS})
     */
    Object find(long hash, MemorySegment key, long firstWord, long secondWord, int keyLength, long now, int mode,
            Codec<?> codec, ValueReader<?> reader) {
        // The policy hears of a hit once per lookup: from the first probe only, retries do not count again.
        boolean recordHit = mode != MODE_CONTAINS;
        for (int attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
            long stamp = lock.tryOptimisticRead();
            if (stamp == 0) {
                Thread.onSpinWait();
                continue;
            }
            boolean firstProbe = recordHit;
            recordHit = false;
            try {
                Object result = findOnce(hash, key, firstWord, secondWord, keyLength, now, mode, codec, reader,
                        firstProbe, stamp);
                if (result != RETRY && lock.validate(stamp)) {
                    return result;
                }
            } catch (RuntimeException | Error e) {
                // Garbage read while a writer changed memory (or a closed table/arena): only real if still valid.
                if (lock.validate(stamp) && !closed) {
                    throw e;
                }
            }
            checkOpen();
        }
        // Under the lock only the value's bytes are copied: the codec or reader is the application's code, which
        // may use the cache (the lock is not reentrant) or be slow (every writer of the shard would wait).
        Object found;
        long stamp = lock.lock();
        try {
            checkOpen();
            found = findOnce(hash, key, firstWord, secondWord, keyLength, now,
                    mode == MODE_CONTAINS ? MODE_CONTAINS : MODE_COPY, codec, reader, recordHit, 0);
        } finally {
            lock.unlock(stamp);
        }
        if (!(found instanceof byte[] copy)) {
            return found;
        }
        MemorySegment value = MemorySegment.ofArray(copy).asReadOnly();
        return mode == MODE_GET ? codec.decode(value, 0, copy.length) : reader.read(value, 0, copy.length);
    }

    /**
     * One probe; {@code stamp} 0 means the lock is held and nothing needs validating.
     *
     * @param recordHit whether to tell the policy about a hit: done as soon as the index holds the key's hash, before
     *        the entry is read (the hash goes to the {@link ReadBuffer}, a store that does not wait for anything).
     *        Recording after validation instead measured 5 to 15 % slower for the object API at 4 M entries, none
     *        faster. A hit is thus counted before it is validated: a lookup that then finds an expired entry, or
     *        races a writer and retries, was counted once anyway; a hint, like the sketch itself.
     */
    private Object findOnce(long hash, MemorySegment key, long firstWord, long secondWord, int keyLength, long now,
            int mode, Codec<?> codec, ValueReader<?> reader, boolean recordHit, long stamp) {
        // A 4- or 8-byte word key is proven by its hash alone: KeyHash maps such a word one-to-one to its hash, and a
        // cache's key codec is fixed, so every key it stores has that length. Then, with the value length in the
        // location and no expiry to check, the entry's header and key bytes are not read at all.
        boolean hashIsKey = key == null && keyLength != WordKeys.UUID && now == NOTHING_EXPIRES;
        IndexTable index = table;
        int mask = index.mask;
        int slot = (int) hash & mask;
        for (int probes = 0; probes <= mask; probes++, slot = (slot + 1) & mask) {
            long location = index.locationAt(slot);
            if (location == Location.EMPTY) {
                return MISS;
            }
            if (index.hashAt(slot) != hash) {
                continue;
            }
            if (recordHit) {
                reads.record(hash);
            }
            int generation = Location.generation(location);
            long offset = Location.offset(location);
            MemorySegment segment = segments[generation];
            int valueLength = Location.valueLength(location);
            boolean expired = false;
            if (!hashIsKey || valueLength < 0) {
                long lengths = segment.get(JAVA_LONG_UNALIGNED, offset + KEY_LENGTH); // both lengths, one access
                if (storedKeyLength(lengths) != keyLength || !(key == null
                        ? sameWords(segment, offset + HEADER_BYTES, firstWord, secondWord, keyLength)
                        : sameKey(segment, offset + HEADER_BYTES, key, keyLength))) {
                    continue;
                }
                valueLength = storedValueLength(lengths);
                // While nothing can expire the expiry time need not be read: now is before every one of them.
                expired = now != NOTHING_EXPIRES && now >= segment.get(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT);
            }
            // Validate before trusting the lengths: codecs and readers then only ever see sane bounds.
            if (stamp != 0 && !lock.validate(stamp)) {
                return RETRY;
            }
            if (expired) {
                return EXPIRED;
            }
            long valueOffset = offset + HEADER_BYTES + keyLength;
            Object result = switch (mode) {
                case MODE_GET -> codec.decode(readOnlySegments[generation], valueOffset, valueLength);
                case MODE_READ -> reader.read(readOnlySegments[generation], valueOffset, valueLength);
                case MODE_COPY -> readOnlySegments[generation].asSlice(valueOffset, valueLength).toArray(JAVA_BYTE);
                default -> Boolean.TRUE;
            };
            if (stamp != 0 && !lock.validate(stamp)) {
                return RETRY;
            }
            if (mode != MODE_CONTAINS) {
                markReferenced(index, slot, location);
            }
            return result;
        }
        return stamp != 0 ? RETRY : MISS;
    }

    /** The key length of an entry, from the 8 bytes at {@code KEY_LENGTH} (key length, then value length). */
    private static int storedKeyLength(long lengths) {
        return LITTLE_ENDIAN ? (int) lengths : (int) (lengths >>> Integer.SIZE);
    }

    /** The value length of an entry, from the 8 bytes at {@code KEY_LENGTH}. */
    private static int storedValueLength(long lengths) {
        return LITTLE_ENDIAN ? (int) (lengths >>> Integer.SIZE) : (int) lengths;
    }

    /**
     * Compares a stored key with the probe key. Short keys (the common case: numbers, ids) are compared as 8-byte
     * words, where {@link MemorySegment#mismatch}'s fixed setup cost would dominate.
     */
    private static boolean sameKey(MemorySegment stored, long offset, MemorySegment key, int keyLength) {
        if (keyLength > SHORT_KEY_BYTES) {
            return MemorySegment.mismatch(stored, offset, offset + keyLength, key, 0, keyLength) == -1;
        }
        int i = 0;
        for (; i + Long.BYTES <= keyLength; i += Long.BYTES) {
            if (stored.get(JAVA_LONG_UNALIGNED, offset + i) != key.get(JAVA_LONG_UNALIGNED, i)) {
                return false;
            }
        }
        for (; i < keyLength; i++) {
            if (stored.get(JAVA_BYTE, offset + i) != key.get(JAVA_BYTE, i)) {
                return false;
            }
        }
        return true;
    }

    /** Compares a stored word key (4, 8 or 16 bytes, see {@link WordKeys}) with the probe key's words. */
    private static boolean sameWords(MemorySegment stored, long offset, long firstWord, long secondWord,
            int keyLength) {
        return switch (keyLength) {
            case Integer.BYTES -> stored.get(JAVA_INT_UNALIGNED, offset) == (int) firstWord;
            case Long.BYTES -> stored.get(JAVA_LONG_UNALIGNED, offset) == firstWord;
            default -> stored.get(JAVA_LONG_UNALIGNED, offset) == firstWord
                    && stored.get(JAVA_LONG_UNALIGNED, offset + Long.BYTES) == secondWord;
        };
    }

    private void markReferenced(IndexTable index, int slot, long location) {
        try {
            index.markReferenced(slot, location);
        } catch (IllegalStateException tableReplaced) {
            // The table was resized and closed meanwhile: the hint is lost, the value read was valid.
        }
    }

    // ---------------------------------------------------------------- writes (under the shard's lock)

    /**
     * Stores an entry, replacing any previous value of its key: in place when the old value is live and of the same
     * size (see {@link #overwriteInPlace}), otherwise at the head of the log.
     *
     * @param entry the key bytes followed by the value bytes, from offset 0
     */
    void put(long hash, MemorySegment entry, int keyLength, int valueLength, long expiresAt, long now,
            Removals removals) {
        prepareSlabAhead(HEADER_BYTES + keyLength + valueLength);
        long stamp = lock.lock();
        try {
            checkOpen();
            // Unlink the old value first, so an eviction below never reports it as evicted. A new key enters the
            // admission window; an update stays where its key was (window or main), as in W-TinyLFU.
            int oldSlot = findSlot(hash, entry, keyLength);
            boolean intoWindow = true;
            boolean wasProtected = false;
            if (oldSlot >= 0) {
                long oldLocation = table.locationAt(oldSlot);
                if (overwriteInPlace(oldSlot, oldLocation, entry, keyLength, valueLength, expiresAt, now)) {
                    w.puts++;
                    return;
                }
                boolean expired = removeSlot(oldSlot, now, removals, RemovalCause.REPLACED);
                intoWindow = Location.isWindow(oldLocation) || expired;
                wasProtected = Location.isProtected(oldLocation) && !expired;
            }
            // Grow first: if the index cannot grow, nothing has been written yet.
            growIndexIfNeeded();
            int size = HEADER_BYTES + keyLength + valueLength;
            makeRoom(hash, size, intoWindow, now, removals);
            long location = reserve(hash, size, now, removals);
            Slab slab = slabs[Location.generation(location)];
            long offset = Location.offset(location);
            MemorySegment segment = slab.segment;
            long unmarked = hash & ~(WINDOW_MARK | DEAD_MARK);
            segment.set(JAVA_LONG_UNALIGNED, offset + HASH, intoWindow ? unmarked | WINDOW_MARK : unmarked);
            segment.set(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT, expiresAt);
            segment.set(JAVA_INT_UNALIGNED, offset + KEY_LENGTH, keyLength);
            segment.set(JAVA_INT_UNALIGNED, offset + VALUE_LENGTH, valueLength);
            MemorySegment.copy(entry, 0, segment, offset + HEADER_BYTES, (long) keyLength + valueLength);
            slab.liveEntries++;
            slab.liveBytes += size;
            boolean intoProtected = wasProtected && w.protectedBytes + size <= policy.protectedBytes(liveBudget);
            long located = location | Location.valueLengthBits(valueLength);
            table.insert(hash, intoWindow ? located | Location.WINDOW
                    : intoProtected ? located | Location.PROTECTED : located);
            if (intoProtected) {
                w.protectedBytes += size;
            }
            if (intoWindow) {
                w.windowBytes += size;
                if (slab.windowEntries++ == 0) {
                    slab.windowStart = offset;
                }
            }
            w.account(1, size);
            w.puts++;
        } finally {
            lock.unlock(stamp);
        }
    }

    /**
     * An update that keeps its size overwrites the live entry where it is, as Caffeine sets a node's value: no bytes
     * become dead (nothing for compaction to reclaim), the index slot stays, nothing is evicted, and the only cache
     * lines written are the entry's own. Lock-free readers are safe as with any write: the lock's sequence moved,
     * so a reader that saw half-written bytes fails validation and retries. The update counts as a use (the
     * REFERENCED bit, set only if clear so the index line is not written needlessly): the entry keeps its place in the
     * log and gets its second chance when a cursor reaches it, where a rewritten entry would have moved to the head.
     * An expired entry is not overwritten: its key is new again and enters the window.
     *
     * @return whether the entry was overwritten; if not, nothing was changed
     */
    private boolean overwriteInPlace(int slot, long location, MemorySegment entry, int keyLength, int valueLength,
            long expiresAt, long now) {
        MemorySegment segment = segments[Location.generation(location)];
        long offset = Location.offset(location);
        if (segment.get(JAVA_INT_UNALIGNED, offset + VALUE_LENGTH) != valueLength
                || now >= segment.get(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT)) {
            return false;
        }
        segment.set(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT, expiresAt);
        MemorySegment.copy(entry, keyLength, segment, offset + HEADER_BYTES + keyLength, valueLength);
        if (!Location.isReferenced(location)) {
            table.setLocation(slot, location | Location.REFERENCED);
        }
        return true;
    }

    /**
     * Before taking the lock: if the head slab is about to fill and the ring still lacks slabs, allocates the next
     * one now, so that the lock is never held while a slab is zero-filled (see {@link SlabSupply}). Reads
     * {@link WriteState#head} racily: a stale view only makes the hint early or late.
     */
    private void prepareSlabAhead(int size) {
        if (!slabSupply.canPrepare()) {
            return;
        }
        int current = w.head;
        Slab slab = current < 0 ? null : slabs[current];
        if (slab == null || slab.written + size + generationBytes / 4 > generationBytes) {
            slabSupply.prepare();
        }
    }

    /**
     * Removes the value of a key.
     *
     * @param explicit whether to count a live removal as explicit (invalidate) rather than a replacement
     * @return {@link #ABSENT}, {@link #REMOVED_LIVE} or {@link #REMOVED_EXPIRED}
     */
    int remove(long hash, MemorySegment key, int keyLength, long now, Removals removals, boolean explicit) {
        long stamp = lock.lock();
        try {
            checkOpen();
            return removeKey(hash, key, keyLength, now, removals, explicit);
        } finally {
            lock.unlock(stamp);
        }
    }

    /** Removes a key's entry only if it is (still) expired: what a lookup does when it finds one. */
    void removeIfExpired(long hash, MemorySegment key, int keyLength, long now, Removals removals) {
        long stamp = lock.lock();
        try {
            checkOpen();
            int slot = findSlot(hash, key, keyLength);
            if (slot >= 0 && now >= expiresAt(table.locationAt(slot))) {
                removeSlot(slot, now, removals, RemovalCause.EXPLICIT);
            }
        } finally {
            lock.unlock(stamp);
        }
    }

    private int removeKey(long hash, MemorySegment key, int keyLength, long now, Removals removals,
            boolean explicit) {
        int slot = findSlot(hash, key, keyLength);
        if (slot < 0) {
            return ABSENT;
        }
        boolean expired = removeSlot(slot, now, removals, explicit ? RemovalCause.EXPLICIT : RemovalCause.REPLACED);
        return expired ? REMOVED_EXPIRED : REMOVED_LIVE;
    }

    /**
     * Unlinks a slot's entry and accounts for it: an expired entry counts as an expiration (and is reported),
     * a live one under {@code liveCause}.
     *
     * @return whether the entry had expired
     */
    private boolean removeSlot(int slot, long now, Removals removals, RemovalCause liveCause) {
        IndexTable index = table;
        long location = index.locationAt(slot);
        Slab slab = slabs[Location.generation(location)];
        long offset = Location.offset(location);
        MemorySegment segment = slab.segment;
        int keyLength = segment.get(JAVA_INT_UNALIGNED, offset + KEY_LENGTH);
        int valueLength = segment.get(JAVA_INT_UNALIGNED, offset + VALUE_LENGTH);
        boolean expired = now >= segment.get(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT);
        RemovalCause cause = expired ? RemovalCause.EXPIRED : liveCause;
        int size = HEADER_BYTES + keyLength + valueLength;
        record(cause, size);
        if (removals != null && cause.wasEvicted()) {
            removals.addStored(segment, offset + HEADER_BYTES + keyLength, keyLength, valueLength, cause);
        }
        if (Location.isWindow(location)) {
            w.windowBytes -= size;
            slab.windowEntries--;
        } else if (Location.isProtected(location)) {
            w.protectedBytes -= size;
        }
        markDead(segment, offset);
        index.delete(slot);
        unaccount(slab, size);
        return expired;
    }

    private void record(RemovalCause cause, int size) {
        switch (cause) {
            case EXPIRED -> w.expirations++;
            case SIZE -> {
                w.evictions++;
                w.evictionBytes += size;
            }
            case EXPLICIT -> w.explicitRemovals++;
            default -> {
            }
        }
    }

    private void unaccount(Slab slab, int size) {
        slab.liveEntries--;
        slab.liveBytes -= size;
        w.account(-1, -size);
    }

    private long expiresAt(long location) {
        return slabs[Location.generation(location)].segment.get(JAVA_LONG_UNALIGNED,
                Location.offset(location) + EXPIRES_AT);
    }

    /** Writer-side probe: the slot holding this key, or -1. */
    private int findSlot(long hash, MemorySegment key, int keyLength) {
        IndexTable index = table;
        int mask = index.mask;
        int slot = (int) hash & mask;
        while (true) {
            long location = index.locationAt(slot);
            if (location == Location.EMPTY) {
                return -1;
            }
            if (index.hashAt(slot) == hash) {
                MemorySegment segment = slabs[Location.generation(location)].segment;
                long offset = Location.offset(location);
                if (segment.get(JAVA_INT_UNALIGNED, offset + KEY_LENGTH) == keyLength
                        && MemorySegment.mismatch(segment, offset + HEADER_BYTES, offset + HEADER_BYTES + keyLength,
                                key, 0, keyLength) == -1) {
                    return slot;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Makes room for an incoming entry of {@code size} bytes, W-TinyLFU style over the log (see {@link
     * WindowTinyLfuPolicy}):
     * <ol>
     * <li>while the admission window (with the incoming entry, if it enters the window) is over its share of the
     * budget, its oldest entry (the candidate, at the window cursor) leaves it: a candidate read while in the window
     * gets another turn (moved to the head); otherwise it joins the main region in place if the budget has room, or
     * duels the main region's victim (the oldest unread entry, at the eviction cursor) and the loser is evicted;</li>
     * <li>while the live budget is still short, victims are evicted without a duel.</li>
     * </ol>
     * Read entries met at either cursor are moved to the head (CLOCK's second chance, REFERENCED bit spent) within a
     * byte cap per put, so every put makes progress. Slabs whose entries are all gone become free for a later head.
     *
     * @param intoWindow whether the incoming entry enters the window (a new key) or the main region (an update of
     *        a key that was there)
     */
    private void makeRoom(long incomingHash, int size, boolean intoWindow, long now, Removals removals) {
        policy.catchUp();
        if (intoWindow) {
            policy.recordInsertion(incomingHash, w);
        }
        long windowTarget = intoWindow ? policy.windowBytes(liveBudget) : Long.MAX_VALUE;
        w.keptBytes = 0;
        boolean observed = false;
        while (true) {
            boolean budgetShort = w.bytesUsed + size > liveBudget;
            if (budgetShort && !observed) {
                policy.observeFull(w.entries);
                observed = true;
            }
            if (w.windowBytes + size > windowTarget) {
                int candidate = windowCandidate(now, removals);
                // the walk to the candidate may have removed expired entries: the budget is judged again after it,
                // or a live entry would be evicted for room already made (or, with nothing left, the put failed)
                budgetShort = w.bytesUsed + size > liveBudget;
                if (candidate >= 0) {
                    leaveWindow(candidate, incomingHash, budgetShort, now, removals);
                    continue;
                }
            }
            if (!budgetShort) {
                return;
            }
            int victim = nextVictim(incomingHash, now, removals);
            if (victim >= 0) {
                policy.recordEviction(table.hashAt(victim), Location.isWindow(table.locationAt(victim)), false, w);
                evictAtCursor(victim, now, removals);
            }
        }
    }

    /** The window's oldest entry leaves it: another turn if it was read, else main in place or a duel. */
    private void leaveWindow(int candidate, long incomingHash, boolean budgetShort, long now, Removals removals) {
        IndexTable index = table;
        long location = index.locationAt(candidate);
        int candidateSize = entrySize(location);
        if (Location.isReferenced(location) && w.keptBytes + candidateSize <= generationBytes / 2) {
            // the window is LRU-like: an entry read while in it stays in it
            if (slabs[w.head].written + candidateSize > generationBytes) {
                openHead(candidateSize, incomingHash, now, removals);
                return; // the ring changed: the caller looks again
            }
            Slab from = slabs[Location.generation(location)];
            moveToHead(candidate, from, Location.offset(location), candidateSize, Location.WINDOW);
            w.keptBytes += candidateSize;
            passWindowCursor(location, candidateSize);
            return;
        }
        if (!budgetShort) {
            graduate(candidate, location, candidateSize);
            passWindowCursor(location, candidateSize);
            return;
        }
        int victim = nextVictim(incomingHash, now, removals);
        if (victim < 0) {
            return; // the cursor moved an entry or freed bytes: the caller looks again
        }
        long victimLocation = index.locationAt(victim);
        if (victim == candidate || Location.isWindow(victimLocation)) {
            policy.recordEviction(index.hashAt(victim), true, false, w);
            evictAtCursor(victim, now, removals); // the main region is empty: the oldest entry goes
        } else if (policy.admits(index.hashAt(candidate), index.hashAt(victim), w)) {
            // graduate first: deleting the victim's slot may shift the candidate's (backward-shift deletion)
            graduate(candidate, location, candidateSize);
            policy.recordEviction(index.hashAt(victim), false, true, w);
            evictAtCursor(victim, now, removals);
        } else {
            policy.recordEviction(index.hashAt(candidate), true, true, w);
            removeSlot(candidate, now, removals, RemovalCause.SIZE);
        }
        passWindowCursor(location, candidateSize);
    }

    /** The candidate left the window: if the window cursor still points at it, step over it without a probe. */
    private void passWindowCursor(long candidateLocation, int size) {
        if (w.windowSlab == Location.generation(candidateLocation)
                && w.windowOffset == Location.offset(candidateLocation)) {
            w.windowOffset += size;
        }
    }

    /** A window entry joins the main region where it is: only its flag changes, no byte is copied. */
    private void graduate(int slot, long location, int size) {
        table.setLocation(slot, location & ~Location.WINDOW);
        w.windowBytes -= size;
        Slab slab = slabs[Location.generation(location)];
        slab.windowEntries--;
        unmarkWindow(slab.segment, Location.offset(location));
    }

    /** Clears an entry's {@link EntryLayout#WINDOW_MARK} (it left the window); readers never read the hash field. */
    private static void unmarkWindow(MemorySegment segment, long offset) {
        long stored = segment.get(JAVA_LONG_UNALIGNED, offset + HASH);
        segment.set(JAVA_LONG_UNALIGNED, offset + HASH, stored & ~WINDOW_MARK);
    }

    /** Marks an entry's bytes dead ({@link EntryLayout#DEAD_MARK}, window mark cleared); readers never read it. */
    private static void markDead(MemorySegment segment, long offset) {
        long stored = segment.get(JAVA_LONG_UNALIGNED, offset + HASH);
        segment.set(JAVA_LONG_UNALIGNED, offset + HASH, (stored & ~WINDOW_MARK) | DEAD_MARK);
    }

    private static boolean isDead(long storedHash) {
        return (storedHash & DEAD_MARK) != 0;
    }

    /**
     * Walks the window cursor to the oldest entry of the window, removing expired ones on the way.
     *
     * @return its slot, or -1 if the window is empty
     */
    private int windowCandidate(long now, Removals removals) {
        if (w.head < 0 || w.windowBytes == 0) {
            return -1;
        }
        if (w.windowSlab == w.oldest && w.windowOffset < w.evictionCursor) {
            w.windowOffset = w.evictionCursor;
        }
        IndexTable index = table;
        while (true) {
            Slab slab = slabs[w.windowSlab];
            if (w.windowOffset < slab.windowStart) {
                w.windowOffset = slab.windowStart; // nothing of the window before it
            }
            if (w.windowOffset >= slab.written || slab.windowEntries == 0) {
                // past its end, or nothing of the window in it (a slab of main entries is skipped in O(1))
                if (w.windowSlab == w.head) {
                    return -1;
                }
                w.windowSlab = (w.windowSlab + 1) % slabs.length;
                w.windowOffset = 0;
                continue;
            }
            MemorySegment segment = slab.segment;
            long offset = w.windowOffset;
            long hash = segment.get(JAVA_LONG_UNALIGNED, offset + HASH);
            int entrySize = HEADER_BYTES + segment.get(JAVA_INT_UNALIGNED, offset + KEY_LENGTH)
                    + segment.get(JAVA_INT_UNALIGNED, offset + VALUE_LENGTH);
            // only live window entries carry the mark: anything else is passed without an index probe
            int slot = (hash & WINDOW_MARK) == 0 ? -1 : index.findLocation(hash, Location.of(w.windowSlab, offset));
            if (slot >= 0 && Location.isWindow(index.locationAt(slot))) {
                if (now < segment.get(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT)) {
                    return slot;
                }
                removeSlot(slot, now, removals, RemovalCause.SIZE); // counted as expired
            }
            w.windowOffset += entrySize;
        }
    }

    /**
     * Walks the eviction cursor to the next entry to evict or duel: dead entries are skipped, an expired one is
     * removed, a read one is moved to the head (its REFERENCED bit spent, within the per-put cap).
     *
     * @return the victim's slot (at the eviction cursor), or -1 if bytes were freed or the ring changed (the caller
     *         looks again)
     */
    private int nextVictim(long incomingHash, long now, Removals removals) {
        IndexTable index = table;
        long keepCap = generationBytes / 2;
        while (true) {
            if (w.oldest == w.head) {
                // Cannot happen: the head alone holds at most one slab, the budget is at least two.
                throw new IllegalStateException("cache '" + cacheName + "': no entry left to evict");
            }
            Slab slab = slabs[w.oldest];
            if (w.evictionCursor >= slab.written) {
                freeOldest();
                continue;
            }
            MemorySegment segment = slab.segment;
            long offset = w.evictionCursor;
            long hash = segment.get(JAVA_LONG_UNALIGNED, offset + HASH);
            int entrySize = HEADER_BYTES + segment.get(JAVA_INT_UNALIGNED, offset + KEY_LENGTH)
                    + segment.get(JAVA_INT_UNALIGNED, offset + VALUE_LENGTH);
            int slot = isDead(hash) ? -1 : index.findLocation(hash, Location.of(w.oldest, offset));
            if (slot < 0) {
                w.evictionCursor += entrySize; // dead: overwritten or removed
                continue;
            }
            if (now >= segment.get(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT)) {
                removeSlot(slot, now, removals, RemovalCause.SIZE); // counted as expired
                w.evictionCursor += entrySize;
                return -1;
            }
            long location = index.locationAt(slot);
            boolean referenced = Location.isReferenced(location);
            boolean wasProtected = Location.isProtected(location);
            if (w.keptBytes + entrySize > keepCap || !(referenced || wasProtected)) {
                return slot;
            }
            long protectedCap = policy.protectedBytes(liveBudget);
            if (!referenced && w.protectedBytes > protectedCap) {
                return slot; // an unread protected entry while protected ones are over their share: no extra pass
            }
            if (slabs[w.head].written + entrySize > generationBytes) {
                openHead(entrySize, incomingHash, now, removals);
                return -1;
            }
            // SLRU: a read main-region entry is (or stays) protected; an unread protected one is demoted, with one
            // more pass before it can be a victim
            long flags = location & Location.WINDOW;
            if (wasProtected) {
                w.protectedBytes -= entrySize;
            }
            if (referenced && flags == 0) {
                flags = Location.PROTECTED;
                w.protectedBytes += entrySize;
            }
            moveToHead(slot, slab, offset, entrySize, flags);
            w.keptBytes += entrySize;
            w.evictionCursor += entrySize;
        }
    }

    /** Evicts the entry at the eviction cursor (cause {@code SIZE}). */
    private void evictAtCursor(int slot, long now, Removals removals) {
        int size = entrySize(table.locationAt(slot));
        removeSlot(slot, now, removals, RemovalCause.SIZE);
        w.evictionCursor += size;
    }

    private int entrySize(long location) {
        MemorySegment segment = slabs[Location.generation(location)].segment;
        long offset = Location.offset(location);
        return HEADER_BYTES + segment.get(JAVA_INT_UNALIGNED, offset + KEY_LENGTH)
                + segment.get(JAVA_INT_UNALIGNED, offset + VALUE_LENGTH);
    }

    /**
     * Moves a kept entry to the end of the head slab: it becomes one of the youngest, its REFERENCED bit spent.
     *
     * @param flags {@link Location#WINDOW} if it stays in the window, else 0
     */
    private void moveToHead(int slot, Slab from, long offset, int entrySize, long flags) {
        Slab to = slabs[w.head];
        long target = to.written;
        MemorySegment.copy(from.segment, offset, to.segment, target, entrySize);
        to.written += entrySize;
        table.setLocation(slot, Location.moved(table.locationAt(slot), w.head, target, flags));
        from.liveEntries--;
        from.liveBytes -= entrySize;
        to.liveEntries++;
        to.liveBytes += entrySize;
        if ((flags & Location.WINDOW) != 0) {
            from.windowEntries--;
            if (to.windowEntries++ == 0) {
                to.windowStart = target;
            }
        }
        markDead(from.segment, offset); // the copy left behind
    }

    /** The oldest slab holds nothing any more: it joins the free slabs. */
    private void freeOldest() {
        slabs[w.oldest].reset();
        w.slabsInUse--;
        restartWindowCursorIfIn(w.oldest);
        w.oldest = (w.oldest + 1) % slabs.length;
        w.evictionCursor = 0;
    }

    /** A slab leaves its place in the log (freed, or made the head): the window cursor restarts after it. */
    private void restartWindowCursorIfIn(int generation) {
        if (w.windowSlab == generation) {
            w.windowSlab = (generation + 1) % slabs.length;
            w.windowOffset = 0;
        }
    }

    /** Finds room for {@code size} bytes in the head slab, opening a new head when it is full. */
    private long reserve(long incomingHash, int size, long now, Removals removals) {
        if (w.head < 0 || slabs[w.head].written + size > generationBytes) {
            openHead(size, incomingHash, now, removals);
        }
        Slab slab = slabs[w.head];
        long offset = slab.written;
        slab.written += size;
        return Location.of(w.head, offset);
    }

    /**
     * Makes the next slab of the ring the head: a free one if any (allocated on first use), otherwise an old one
     * reused in place. A full ring means dead bytes (overwritten or removed entries) or kept entries fill it.
     * <p>
     * The ring holds one slab more than the live budget, so dead bytes are always what fills it: no live entry is
     * evicted here (eviction is {@link #makeRoom}'s job, by the policy). The oldest slab whose live bytes leave room
     * for the entry is compacted (see {@link #compact}); older slabs too live to leave that room simply become the
     * youngest as they are (no copy). Only if no slab of the ring can make room (entries close to a slab's size) is
     * the oldest retired by the policy.
     */
    private void openHead(int size, long incomingHash, long now, Removals removals) {
        int next = w.head < 0 ? 0 : (w.head + 1) % slabs.length;
        Slab slab = slabs[next];
        if (w.slabsInUse < slabs.length) {
            if (slab == null) {
                slab = new Slab(slabSupply.take());
                slabs[next] = slab;
                segments[next] = slab.segment;
                readOnlySegments[next] = slab.readOnly;
            } else {
                w.generationRotations++;
            }
            if (w.slabsInUse == 0) {
                w.oldest = next;
                w.evictionCursor = 0;
                w.windowSlab = next;
                w.windowOffset = 0;
            }
            w.slabsInUse++;
            slab.epoch++;
            w.head = next;
            return;
        }
        for (int tried = 0; tried < slabs.length; tried++) {
            // the ring is full, so the slab after the head is the oldest
            next = (w.head + 1) % slabs.length;
            slab = slabs[next];
            boolean roomAfterCompaction = slab.liveBytes + size <= generationBytes;
            if (roomAfterCompaction) {
                compact(next, slab, now, removals);
            }
            rotateOntoOldest(next);
            if (roomAfterCompaction) {
                return;
            }
        }
        next = (w.head + 1) % slabs.length;
        slab = slabs[next];
        retire(next, slab, size, now, removals, incomingHash);
        rotateOntoOldest(next);
    }

    /** The oldest slab of a full ring becomes the head; the one after it becomes the oldest. */
    private void rotateOntoOldest(int next) {
        w.generationRotations++;
        restartWindowCursorIfIn(next);
        w.oldest = (next + 1) % slabs.length;
        w.evictionCursor = 0;
        slabs[next].epoch++;
        w.head = next;
    }

    /**
     * Moves every live entry of the oldest slab (after the eviction cursor) to its start, dropping the dead bytes
     * between them; expired entries are removed as expirations. REFERENCED bits are kept: nothing was judged.
     * Called only when the entries plus the incoming one fit the slab, so every live entry is kept. An entry without
     * {@link EntryLayout#DEAD_MARK} is live, so only entries that move (or expired) cost an index probe. Write
     * amplification: the copy is at most the slab's live bytes and frees its dead bytes; over a turn of the ring
     * the dead bytes freed are at least the ring's size minus the live budget (one slab), so a full cache copies
     * at most about {@code generations} bytes per byte written, and far less when overwrites are skewed (the
     * oldest slabs then hold mostly dead copies of hot keys).
     */
    private void compact(int generation, Slab slab, long now, Removals removals) {
        MemorySegment segment = slab.segment;
        IndexTable index = table;
        long read = w.evictionCursor;
        long write = 0;
        long end = slab.written;
        long windowStart = -1;
        while (read < end) {
            long hash = segment.get(JAVA_LONG_UNALIGNED, read + HASH);
            int size = HEADER_BYTES + segment.get(JAVA_INT_UNALIGNED, read + KEY_LENGTH)
                    + segment.get(JAVA_INT_UNALIGNED, read + VALUE_LENGTH);
            if (isDead(hash)) {
                read += size;
                continue;
            }
            boolean expired = now >= segment.get(JAVA_LONG_UNALIGNED, read + EXPIRES_AT);
            if (!expired && windowStart < 0 && (hash & WINDOW_MARK) != 0) {
                windowStart = write;
            }
            if (!expired && write == read) {
                // live (unmarked) and staying where it is: its index slot needs no update, so no probe
                write += size;
                read += size;
                continue;
            }
            int slot = index.findLocation(hash, Location.of(generation, read));
            if (slot >= 0) {
                if (expired) {
                    removeSlot(slot, now, removals, RemovalCause.SIZE); // counted as expired
                } else {
                    if (write != read) {
                        MemorySegment.copy(segment, read, segment, write, size);
                        long location = index.locationAt(slot);
                        long flags = location & (Location.REFERENCED | Location.WINDOW | Location.PROTECTED);
                        index.setLocation(slot, Location.moved(location, generation, write, flags));
                    }
                    write += size;
                }
            }
            read += size;
        }
        slab.written = write;
        slab.windowStart = Math.max(0, windowStart);
    }

    /**
     * Retires the oldest slab so it can be the new head: live entries after the eviction cursor that the policy
     * keeps are compacted to its start (they become the youngest), the rest are evicted. The kept bytes are capped
     * so that the entry being written always fits afterwards.
     */
    private void retire(int generation, Slab slab, int incomingSize, long now, Removals removals,
            long incomingHash) {
        int incomingFrequency = policy.frequency(incomingHash);
        long budget = Math.min(generationBytes / 2, generationBytes - incomingSize);
        MemorySegment segment = slab.segment;
        IndexTable index = table;
        long read = w.evictionCursor;
        long write = 0;
        long end = slab.written;
        while (read < end) {
            long hash = segment.get(JAVA_LONG_UNALIGNED, read + HASH);
            int keyLength = segment.get(JAVA_INT_UNALIGNED, read + KEY_LENGTH);
            int valueLength = segment.get(JAVA_INT_UNALIGNED, read + VALUE_LENGTH);
            int size = HEADER_BYTES + keyLength + valueLength;
            int slot = isDead(hash) ? -1 : index.findLocation(hash, Location.of(generation, read));
            if (slot >= 0) {
                long location = index.locationAt(slot);
                boolean expired = now >= segment.get(JAVA_LONG_UNALIGNED, read + EXPIRES_AT);
                if (!expired && policy.survivesRetirement(Location.isReferenced(location), index.hashAt(slot),
                        incomingFrequency, write + size <= budget)) {
                    if (write != read) {
                        MemorySegment.copy(segment, read, segment, write, size);
                    }
                    index.setLocation(slot, Location.moved(location, generation, write,
                            location & (Location.WINDOW | Location.PROTECTED)));
                    write += size;
                } else {
                    removeSlot(slot, now, removals, RemovalCause.SIZE);
                }
            }
            read += size;
        }
        slab.written = write;
        slab.windowStart = 0; // kept window entries moved down: no better bound known
    }

    private void growIndexIfNeeded() {
        IndexTable old = table;
        if (w.entries + 1 <= old.threshold()) {
            return;
        }
        if (old.capacity() >= IndexTable.MAX_CAPACITY) {
            throw new IllegalStateException("the index of a shard of cache '" + cacheName + "' is full ("
                    + w.entries + " entries): use more shards");
        }
        IndexTable bigger = new IndexTable(old.capacity() * 2);
        for (int slot = 0; slot <= old.mask; slot++) {
            long location = old.locationAt(slot);
            if (location != Location.EMPTY) {
                bigger.insert(old.hashAt(slot), location);
            }
        }
        table = bigger;
        old.close();
    }

    // ---------------------------------------------------------------- bulk operations

    /**
     * Removes every entry (expired ones count as expirations, the rest as explicit removals); slabs stay
     * allocated for reuse.
     *
     * @return how many live entries were removed
     */
    long clear(long now, Removals removals) {
        long stamp = lock.lock();
        try {
            checkOpen();
            IndexTable index = table;
            long removedLive = 0;
            for (int slot = 0; slot <= index.mask; slot++) {
                long location = index.locationAt(slot);
                if (location == Location.EMPTY) {
                    continue;
                }
                Slab slab = slabs[Location.generation(location)];
                long offset = Location.offset(location);
                MemorySegment segment = slab.segment;
                int keyLength = segment.get(JAVA_INT_UNALIGNED, offset + KEY_LENGTH);
                int valueLength = segment.get(JAVA_INT_UNALIGNED, offset + VALUE_LENGTH);
                if (now >= segment.get(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT)) {
                    record(RemovalCause.EXPIRED, 0);
                    if (removals != null) {
                        removals.addStored(segment, offset + HEADER_BYTES + keyLength, keyLength, valueLength,
                                RemovalCause.EXPIRED);
                    }
                } else {
                    record(RemovalCause.EXPLICIT, 0);
                    removedLive++;
                }
            }
            index.clear();
            for (Slab slab : slabs) {
                if (slab != null) {
                    slab.reset();
                }
            }
            // Only the (now empty) head stays in use.
            w.slabsInUse = w.head < 0 ? 0 : 1;
            w.oldest = Math.max(w.head, 0);
            w.evictionCursor = 0;
            w.windowSlab = w.oldest;
            w.windowOffset = 0;
            w.windowBytes = 0;
            w.protectedBytes = 0;
            w.account(-w.entries, -w.bytesUsed);
            return removedLive;
        } finally {
            lock.unlock(stamp);
        }
    }

    /** @return copies of the encoded keys of all unexpired entries (for {@code invalidateIf}) */
    List<byte[]> liveKeys(long now) {
        long stamp = lock.lock();
        try {
            checkOpen();
            IndexTable index = table;
            List<byte[]> keys = new ArrayList<>();
            for (int slot = 0; slot <= index.mask; slot++) {
                long location = index.locationAt(slot);
                if (location == Location.EMPTY) {
                    continue;
                }
                MemorySegment segment = slabs[Location.generation(location)].segment;
                long offset = Location.offset(location);
                if (now < segment.get(JAVA_LONG_UNALIGNED, offset + EXPIRES_AT)) {
                    int keyLength = segment.get(JAVA_INT_UNALIGNED, offset + KEY_LENGTH);
                    byte[] key = new byte[keyLength];
                    MemorySegment.copy(segment, JAVA_BYTE, offset + HEADER_BYTES, key, 0, keyLength);
                    keys.add(key);
                }
            }
            return keys;
        } finally {
            lock.unlock(stamp);
        }
    }

    // ---------------------------------------------------------------- gauges and lifecycle

    /**
     * Adds the shard's event counts, entries and bytes used to {@code totals}: read under the optimistic stamp, so they
     * are one consistent snapshot of the shard, under the lock only if a writer keeps getting in the way.
     */
    void addCounts(EventCounts totals) {
        long stamp = lock.tryOptimisticRead();
        EventCounts counts = EventCounts.of(w);
        if (!lock.validate(stamp)) {
            stamp = lock.lock();
            try {
                counts = EventCounts.of(w);
            } finally {
                lock.unlock(stamp);
            }
        }
        totals.add(counts);
    }

    /** Read lock-free, as a hit reads: a plain read validated against the stamp, so no put needs a fence. */
    long entries() {
        long stamp = lock.tryOptimisticRead();
        long entries = w.entries;
        return lock.validate(stamp) ? entries : underLock(true);
    }

    /** See {@link #entries()}. */
    long bytesUsed() {
        long stamp = lock.tryOptimisticRead();
        long bytesUsed = w.bytesUsed;
        return lock.validate(stamp) ? bytesUsed : underLock(false);
    }

    private long underLock(boolean entries) {
        long stamp = lock.lock();
        try {
            return entries ? w.entries : w.bytesUsed;
        } finally {
            lock.unlock(stamp);
        }
    }

    long bytesCommitted() {
        return slabSupply.bytesCommitted() + table.bytes() + policy.bytesOfShard(shardIndex);
    }

    CacheLayout.Shard layout() {
        long stamp = lock.lock();
        try {
            checkOpen();
            List<CacheLayout.Generation> generations = new ArrayList<>();
            for (int i = 0; i < w.slabsInUse; i++) {
                int slot = (w.oldest + i) % slabs.length;
                Slab slab = slabs[slot];
                generations.add(new CacheLayout.Generation(slot, slab.epoch, slab.liveEntries, slab.liveBytes,
                        slab.written, generationBytes, slot == w.head));
            }
            return new CacheLayout.Shard(shardIndex, w.entries, w.bytesUsed, bytesCommitted(), table.capacity(),
                    generations);
        } finally {
            lock.unlock(stamp);
        }
    }

    /** Marks the shard closed once no writer or locked reader is inside, then frees its index. */
    void close() {
        long stamp = lock.lock();
        try {
            closed = true;
            table.close();
        } finally {
            lock.unlock(stamp);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw ArenaCacheEngine.closedException(cacheName);
        }
    }
}
