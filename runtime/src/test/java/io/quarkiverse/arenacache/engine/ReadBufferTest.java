package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hits wait in the read buffer until a writer drains them into the sketch; what is kept, lost and drained once. */
class ReadBufferTest {

    private static final long HOT = 0x1234_5678_9ABC_DEF0L;
    private static final long OTHER = 0x0FED_CBA9_8765_4321L;

    private final Arena arena = Arena.ofShared();
    private final FrequencySketch sketch = new FrequencySketch(1 << 20, arena);
    private final ReadBuffer buffer = new ReadBuffer(2);

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void hitsReachTheSketchWhenDrainedAndOnlyOnce() {
        for (int i = 0; i < 5; i++) {
            buffer.record(HOT);
        }
        assertThat(sketch.frequency(HOT)).as("recorded, not yet drained").isZero();
        buffer.drainInto(sketch);
        assertThat(sketch.frequency(HOT)).isEqualTo(5);
        buffer.drainInto(sketch);
        assertThat(sketch.frequency(HOT)).as("a second drain adds nothing").isEqualTo(5);
    }

    @Test
    void aStripeKeepsOnlyItsLatestRecords() {
        for (int i = 0; i < 3; i++) {
            buffer.record(OTHER);
        }
        for (int i = 0; i < ReadBuffer.STRIPE_CAPACITY; i++) {
            buffer.record(HOT);
        }
        buffer.drainInto(sketch);
        assertThat(sketch.frequency(OTHER)).as("overwritten by later hits").isZero();
        assertThat(sketch.frequency(HOT)).isEqualTo(FrequencySketch.MAX_COUNT);
    }

    @Test
    void hitsOfAThreadThatNeverWritesAreDrainedByTheWritesOfOthers() throws InterruptedException {
        Thread reader = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 3; i++) {
                buffer.record(OTHER);
            }
        });
        reader.join();
        for (int i = 0; i < buffer.stripes(); i++) {
            buffer.drainInto(sketch);
        }
        assertThat(sketch.frequency(OTHER)).isEqualTo(3);
    }

    @Test
    void drainsReportTheirAdditionsInBatchesSoAgingComesLessThanABatchLate() {
        long entries = 120_000;
        FrequencySketch large = new FrequencySketch(1L << 30, arena);
        assertThat(large.additionBatch()).as("until the cache is full, every addition counts at once").isEqualTo(1);
        large.ensureCapacity(entries);
        long period = FrequencySketch.SAMPLE_FACTOR * entries;
        int batch = large.additionBatch();
        assertThat(batch).isGreaterThan(1);

        long recorded = 0;
        long key = 1;
        while (large.agings() == 0 && recorded < 2 * period) {
            buffer.record(key++ * 0x9E37_79B9_7F4A_7C15L);
            recorded++;
            buffer.drainInto(large);
        }
        // distinct keys: every record is an addition; the stripe reports each full batch, so the sketch ages at the
        // first full batch that completes its period (less than a batch late)
        assertThat(recorded).isEqualTo((period + batch - 1) / batch * batch);
    }

    @Test
    void stripesAreFourPerProcessorWithinBounds() {
        assertThat(new ReadBuffer(1).stripes()).isEqualTo(4);
        assertThat(new ReadBuffer(2).stripes()).isEqualTo(8);
        assertThat(new ReadBuffer(3).stripes()).isEqualTo(16);
        assertThat(new ReadBuffer(64).stripes()).isEqualTo(16);
    }

    @Test
    void readersAndDrainersRacingOnSharedStripesNeverFail() throws InterruptedException {
        // More threads than stripes, so stripes are shared and tails race; the buffer must stay usable.
        ReadBuffer small = new ReadBuffer(1);
        int threads = 3 * small.stripes();
        AtomicBoolean failed = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean drainer = t % 4 == 0;
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        small.record(HOT);
                        if (drainer && i % 16 == 0) {
                            small.drainInto(sketch);
                        }
                    }
                } catch (Throwable e) {
                    failed.set(true);
                }
            }));
        }
        start.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        for (int i = 0; i < small.stripes(); i++) {
            small.drainInto(sketch);
        }
        assertThat(failed).isFalse();
        assertThat(sketch.frequency(HOT)).isEqualTo(FrequencySketch.MAX_COUNT);
    }
}
