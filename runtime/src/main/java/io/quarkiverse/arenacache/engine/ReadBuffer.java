package io.quarkiverse.arenacache.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Where hits wait for the frequency sketch: a lossy, striped ring of key hashes. A hit appends its hash to its
 * thread's stripe with plain writes (no atomic operation, no cache miss: the stripe stays in the reader's cache); a
 * writer drains the buffer into the sketch just before the policy decides anything. So the sketch's cache miss (one
 * per increment, 35 to 45 ns of a 190 ns hit at 4 M entries) moves from every hit to the next write, where it is
 * paid once per recorded hit, and in a read-only spell not at all.
 * <p>
 * Lossy by design, like Caffeine's read buffer: a stripe keeps its last {@value #STRIPE_CAPACITY} hashes, so when
 * reads outnumber writes by more than that the sketch sees the hits just before the write, which is what the duel
 * needs: a read-only spell costs the sketch nothing.
 * Threads sharing a stripe (thread ids collide once there are more threads than stripes) may overwrite each other's
 * records: a lost record only blurs an estimate. A single-threaded caller loses nothing while its reads between two
 * writes fit in a stripe, so replays and tests see exactly what the sketch saw before.
 * <p>
 * Layout: one {@code long[]}; each stripe holds its tail (written by readers), its ring, then its head, drain
 * flag and the sketch additions it has not yet reported (written by the drainer), each group on its own cache line
 * so readers of different stripes never share one.
 */
final class ReadBuffer {

    /**
     * Records a stripe keeps between drains. Long runs of hits between two writes are common (on the LIRS traces,
     * {@code sprite} and {@code loop} have runs of hundreds): with 64 the hit-ratio sum fell from 28.27 to 28.24 and
     * cells moved below LRU, with 256 to 28.26; with 1 024 every cell is as with an increment per hit.
     */
    static final int STRIPE_CAPACITY = 1024;
    private static final int MIN_STRIPES = 4;
    /** At most 16 stripes of 8 KiB: 128 KiB of heap per cache, whatever the machine. */
    private static final int MAX_STRIPES = 16;
    /** Longs per cache line, and the padding between groups written by different threads. */
    private static final int LINE = 8;
    private static final int TAIL = 0;
    private static final int RING = 2 * LINE;
    private static final int HEAD = RING + STRIPE_CAPACITY + 2 * LINE;
    private static final int DRAINING = HEAD + 1;
    /** The next other stripe the stripe's thread drains: kept in its own stripe, so drains share no counter. */
    private static final int NEXT_OTHER = HEAD + 2;
    /** Sketch additions the stripe's drains made and have not yet reported: see {@link #drainStripe}. */
    private static final int HELD_ADDITIONS = HEAD + 3;
    private static final int STRIDE = HEAD + 2 * LINE;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] slots;
    private final int stripeMask;

    /** @param processors the number of CPUs: stripes are four per CPU (as Caffeine's), 4 to {@value #MAX_STRIPES} */
    ReadBuffer(int processors) {
        int stripes = Math.clamp(Integer.highestOneBit(Math.max(1, processors * 4 - 1)) << 1, MIN_STRIPES,
                MAX_STRIPES);
        this.stripeMask = stripes - 1;
        this.slots = new long[stripes * STRIDE + LINE];
    }

    int stripes() {
        return stripeMask + 1;
    }

    /**
     * Records a hit of {@code hash} on the calling thread's stripe. Thread ids are handed out in order, so threads
     * started together (a worker pool) get distinct stripes.
     */
    void record(long hash) {
        int base = stripeBase((int) Thread.currentThread().threadId());
        long tail = slots[base + TAIL];
        slots[base + RING + (int) (tail & (STRIPE_CAPACITY - 1))] = hash;
        slots[base + TAIL] = tail + 1;
    }

    /** @return how many records wait on the calling thread's stripe (its own cache lines: no miss) */
    long pendingOfCurrentThread() {
        int base = stripeBase((int) Thread.currentThread().threadId());
        return slots[base + TAIL] - slots[base + HEAD];
    }

    /**
     * Feeds the sketch the hits recorded on the calling thread's stripe and on one other stripe (in turn), so that
     * every stripe is drained even if its thread never writes, and a write costs at most two stripes. A stripe
     * another thread is draining is skipped.
     */
    void drainInto(FrequencySketch sketch) {
        int own = (int) Thread.currentThread().threadId() & stripeMask;
        drainStripe(own, sketch);
        int ownBase = stripeBase(own);
        int other = (int) slots[ownBase + NEXT_OTHER]++ & stripeMask;
        if (other != own) {
            drainStripe(other, sketch);
        }
    }

    private void drainStripe(int stripe, FrequencySketch sketch) {
        int base = stripeBase(stripe);
        long tail = (long) SLOTS.getAcquire(slots, base + TAIL);
        if (tail == slots[base + HEAD] || !SLOTS.compareAndSet(slots, base + DRAINING, 0L, 1L)) {
            return;
        }
        try {
            long head = slots[base + HEAD];
            long pending = tail - head;
            // Racing readers sharing the stripe can move the tail backwards: then there is nothing sane to drain.
            if (pending > 0) {
                long held = slots[base + HELD_ADDITIONS];
                for (long i = tail - Math.min(pending, STRIPE_CAPACITY); i < tail; i++) {
                    // reported as soon as a batch is full, so an aging falls between the same records as before
                    if (sketch.add(slots[base + RING + (int) (i & (STRIPE_CAPACITY - 1))])
                            && ++held >= sketch.additionBatch()) {
                        sketch.countAdditions(held);
                        held = 0;
                    }
                }
                slots[base + HELD_ADDITIONS] = held;
            }
            slots[base + HEAD] = tail;
        } finally {
            SLOTS.setRelease(slots, base + DRAINING, 0L);
        }
    }

    private int stripeBase(int threadOrStripe) {
        return LINE + (threadOrStripe & stripeMask) * STRIDE;
    }
}
