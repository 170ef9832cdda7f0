package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.Codecs;

class SlabSupplyTest {

    private static final long SLAB = 4096;
    private final Arena arena = Arena.ofShared();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void aPreparedSlabIsTheNextOneTaken() {
        SlabSupply supply = new SlabSupply(arena, SLAB, 3);
        assertThat(supply.canPrepare()).isTrue();
        supply.prepare();
        assertThat(supply.canPrepare()).as("one is ready").isFalse();
        assertThat(supply.bytesCommitted()).isEqualTo(SLAB);
        supply.prepare(); // nothing more: one ahead at most
        assertThat(supply.bytesCommitted()).isEqualTo(SLAB);
        MemorySegment first = supply.take();
        assertThat(first.byteSize()).isEqualTo(SLAB);
        assertThat(supply.bytesCommitted()).isEqualTo(SLAB);
        // without a preparation, take allocates inline
        MemorySegment second = supply.take();
        assertThat(second).isNotSameAs(first);
        assertThat(supply.bytesCommitted()).isEqualTo(2 * SLAB);
    }

    @Test
    void neverAllocatesMoreThanTheRingSize() {
        SlabSupply supply = new SlabSupply(arena, SLAB, 2);
        supply.take();
        supply.prepare();
        supply.take();
        assertThat(supply.canPrepare()).isFalse();
        supply.prepare();
        assertThat(supply.bytesCommitted()).isEqualTo(2 * SLAB);
        assertThatThrownBy(supply::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 slabs");
    }

    @Test
    void preparersRacingTheTakerNeverAllocateASlabTwiceOrTooMany() throws Exception {
        for (int round = 0; round < 200; round++) {
            int ringSize = 8;
            SlabSupply supply = new SlabSupply(arena, SLAB, ringSize);
            AtomicBoolean done = new AtomicBoolean();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> preparers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Thread preparer = new Thread(() -> {
                    await(start);
                    while (!done.get()) {
                        supply.prepare();
                    }
                });
                preparer.start();
                preparers.add(preparer);
            }
            start.countDown();
            Map<MemorySegment, Boolean> taken = new IdentityHashMap<>();
            for (int i = 0; i < ringSize; i++) {
                taken.put(supply.take(), Boolean.TRUE);
            }
            done.set(true);
            for (Thread preparer : preparers) {
                preparer.join(10_000);
            }
            assertThat(taken).hasSize(ringSize);
            assertThat(supply.bytesCommitted()).isEqualTo(ringSize * SLAB);
        }
    }

    @Test
    void aCacheNeverCommitsMoreSlabsThanItsRing() {
        int generations = 4;
        long slab = 16 * 1024;
        try (ArenaCache<Integer, byte[]> cache = ArenaCache.builder(Codecs.integers(), Codecs.byteArrays())
                .maxMemory(generations * slab).shards(1).generations(generations).build()) {
            for (int i = 0; i < 10_000; i++) {
                cache.put(i, new byte[100]);
                long slabBytes = cache.layout().shards().getFirst().generations().size() * slab;
                assertThat(slabBytes).isLessThanOrEqualTo((generations + 1) * slab);
            }
            var shard = cache.layout().shards().getFirst();
            assertThat(shard.generations()).hasSize(generations + 1);
            // all slabs of the ring, the index and the policy's tables: no slab prepared beyond the ring
            assertThat(cache.stats().bytesCommitted()).isLessThanOrEqualTo((generations + 1) * slab
                    + shard.indexCapacity() * IndexTable.SLOT_BYTES + cache.stats().maxMemory() / 4);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
