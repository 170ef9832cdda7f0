package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The shard's sequence lock: writers exclude each other, and a validated optimistic read never saw a writer. */
class ShardLockTest {

    private final ShardLock lock = new ShardLock();

    @Test
    void aStampValidatesUntilAWriterTakesTheLock() {
        long stamp = lock.tryOptimisticRead();
        assertThat(stamp).as("no writer inside: a real stamp").isNotZero();
        assertThat(lock.validate(stamp)).isTrue();

        long writeStamp = lock.lock();
        assertThat(lock.tryOptimisticRead()).as("a writer is inside").isZero();
        assertThat(lock.validate(stamp)).as("a writer took the lock since the stamp").isFalse();
        lock.unlock(writeStamp);

        assertThat(lock.validate(stamp)).as("still stale after the writer left").isFalse();
        long next = lock.tryOptimisticRead();
        assertThat(next).isNotZero().isNotEqualTo(stamp);
        assertThat(lock.validate(next)).isTrue();
        assertThat(lock.validate(0)).as("0 is never a valid stamp").isFalse();
    }

    @Test
    void aWriterWaitsForTheHolderToUnlock() throws InterruptedException {
        long held = lock.lock();
        CountDownLatch acquired = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().start(() -> {
            lock.unlock(lock.lock());
            acquired.countDown();
        });
        // Long enough for the waiting writer to go through spinning, yielding and parking.
        assertThat(acquired.await(50, TimeUnit.MILLISECONDS)).as("acquired while held").isFalse();
        lock.unlock(held);
        assertThat(acquired.await(10, TimeUnit.SECONDS)).as("acquired once released").isTrue();
        writer.join();
    }

    @Test
    void writersExcludeEachOtherAndReadersValidateOnlyConsistentPairs() throws InterruptedException {
        // Writers keep two plain fields equal, stepping through an unequal state under the lock; a reader whose stamp
        // validates must have seen them equal. Plain fields: the lock's fences alone must make this hold.
        Pair pair = new Pair();
        int writers = 2;
        int incrementsPerWriter = 100_000;
        AtomicLong validatedReads = new AtomicLong();
        AtomicLong tornValidatedReads = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                await(start);
                for (int i = 0; i < incrementsPerWriter; i++) {
                    long stamp = lock.lock();
                    try {
                        pair.first++;
                        spin(); // a half-done update readers can run into
                        pair.second = pair.first;
                    } finally {
                        lock.unlock(stamp);
                    }
                    spin(); // the lock free for a while too, so the reader can validate while writing goes on
                }
            }));
        }
        Thread reader = Thread.ofPlatform().start(() -> {
            await(start);
            long reads = 0;
            // Until the writers are done and some read validated: two writers on two CPUs can keep the lock taken
            // for as long as the reader gets to run, and a reader that stopped with them would have validated nothing.
            // A validate that never succeeds still ends the loop (at 2 000 000 reads) and fails below.
            while (reads < 2_000_000
                    && (pair.readSecond() < (long) writers * incrementsPerWriter || validatedReads.get() == 0)) {
                long stamp = lock.tryOptimisticRead();
                long second = pair.second;
                spin(); // a window for a writer to get in
                long first = pair.first;
                if (stamp != 0 && lock.validate(stamp)) {
                    validatedReads.incrementAndGet();
                    if (first != second) {
                        tornValidatedReads.incrementAndGet();
                    }
                }
                reads++;
            }
        });
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        reader.join();

        long stamp = lock.lock();
        try {
            assertThat(pair.first).as("no increment lost: writers excluded each other")
                    .isEqualTo((long) writers * incrementsPerWriter);
        } finally {
            lock.unlock(stamp);
        }
        assertThat(validatedReads.get()).as("some reads validated").isPositive();
        assertThat(tornValidatedReads.get()).as("validated reads that saw a writer's half-done update").isZero();
    }

    private static void spin() {
        for (int i = 0; i < 8; i++) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Pair {
        long first;
        long second;

        /** For the reader's loop bound only: opaque, so the JIT cannot hoist it out of the loop. */
        long readSecond() {
            return (long) SECOND.getOpaque(this);
        }

        private static final VarHandle SECOND;

        static {
            try {
                SECOND = MethodHandles.lookup().findVarHandle(Pair.class, "second", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
