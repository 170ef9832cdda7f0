package io.quarkiverse.arenacache.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A shard's lock: a sequence lock. Writers take it exclusively; lock-free readers take a stamp (the sequence, even
 * while no writer is inside), read, and trust what they read only if the sequence is unchanged afterwards, as with
 * {@link java.util.concurrent.locks.StampedLock}'s optimistic reads, which this replaces.
 * <p>
 * Why not {@code StampedLock}: its unlock is a volatile write, a full fence, so every put waited at its end for all
 * its stores (new entry, index slots, sketch counters) to leave the store buffer; JFR put 12 % of an evicting put at
 * 4 M entries on that one instruction. Here the unlock is a release store: the stores drain while the caller goes on.
 * What {@code StampedLock} has and a cache's shard does not need: queued, parked writers (a shard's critical sections
 * are a put or a removal: writers spin briefly, then yield, then park for growing intervals) and shared read locks
 * (a reader that keeps failing validation takes the lock exclusively, as rare callers that must read under the lock
 * do: a snapshot of the layout, the keys for {@code invalidateIf}).
 */
final class ShardLock {

    private static final VarHandle SEQUENCE;
    private static final int SPINS = 64;
    private static final int YIELDS = 16;
    private static final long MAX_PARK_NANOS = 100_000;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(ShardLock.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Even while free, odd while a writer holds the lock; starts at 2 so that a stamp is never 0. */
    @SuppressWarnings("unused") // accessed through SEQUENCE
    private long sequence = 2;

    /** @return a stamp to {@link #validate} after reading, or 0 if a writer is inside (read nothing then) */
    long tryOptimisticRead() {
        long sequence = (long) SEQUENCE.getAcquire(this);
        return (sequence & 1) == 0 ? sequence : 0;
    }

    /** @return whether no writer took the lock since {@code stamp} was issued, so everything read since is sane */
    boolean validate(long stamp) {
        // The reads before must not move after the sequence read below.
        VarHandle.acquireFence();
        return stamp == (long) SEQUENCE.getOpaque(this);
    }

    /** Takes the lock exclusively, waiting as long as it takes. @return the stamp to pass to {@link #unlock} */
    long lock() {
        for (int attempt = 0;; attempt++) {
            long sequence = (long) SEQUENCE.getOpaque(this);
            if ((sequence & 1) == 0 && SEQUENCE.compareAndSet(this, sequence, sequence + 1)) {
                // The writer's stores must not move before the odd sequence is visible.
                VarHandle.storeStoreFence();
                return sequence + 1;
            }
            backOff(attempt);
        }
    }

    /** Releases the lock: a release store, so every write made under the lock is visible before the new sequence. */
    void unlock(long stamp) {
        SEQUENCE.setRelease(this, stamp + 1);
    }

    private static void backOff(int attempt) {
        if (attempt < SPINS) {
            Thread.onSpinWait();
        } else if (attempt < SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, 1_000L << Math.min(16, attempt - SPINS - YIELDS)));
        }
    }
}
