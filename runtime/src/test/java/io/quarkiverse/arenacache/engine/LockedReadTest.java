package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.ValueReader;

/**
 * A lookup that keeps losing its optimistic validation to writers finally reads under the shard's lock. The
 * application's code (the value codec's {@code decode}, a {@link ValueReader}) must not run under that lock: the
 * lock is not reentrant, so such code that uses the cache (here: a lookup of another key of the same shard) would
 * deadlock its own thread, and every writer of the shard with it.
 */
class LockedReadTest {

    /**
     * Makes each of the first optimistic attempts fail deterministically (another thread puts meanwhile, as a busy
     * writer would), then, from the attempt that may run under the lock, looks up another key.
     */
    private static final class Interference {

        private final AtomicInteger calls = new AtomicInteger();
        private final ExecutorService writer = Executors.newSingleThreadExecutor();
        private ArenaCache<String, String> cache;
        volatile String nested;

        void run() {
            int call = calls.incrementAndGet();
            try {
                if (call <= Shard.OPTIMISTIC_ATTEMPTS) {
                    writer.submit(() -> cache.put("w", "written during read " + call)).get(10, TimeUnit.SECONDS);
                } else {
                    nested = cache.get("other");
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aValueReaderThatUsesTheCacheDoesNotDeadlockAfterLosingItsOptimisticAttempts() throws Exception {
        Interference interference = new Interference();
        ArenaCache<String, String> cache = ArenaCache.builder(Codecs.strings(), Codecs.strings()).maxMemory(1 << 20)
                .shards(1).build();
        interference.cache = cache;
        check(cache, interference, () -> cache.read("k", (segment, offset, length) -> {
            interference.run();
            return Codecs.strings().decode(segment, offset, length);
        }));
    }

    @Test
    void aValueCodecThatUsesTheCacheDoesNotDeadlockAfterLosingItsOptimisticAttempts() throws Exception {
        Interference interference = new Interference();
        Codec<String> values = new Codec<>() {
            @Override
            public int encodedSize(String value) {
                return Codecs.strings().encodedSize(value);
            }

            @Override
            public void encode(String value, MemorySegment target, long offset) {
                Codecs.strings().encode(value, target, offset);
            }

            @Override
            public String decode(MemorySegment source, long offset, int length) {
                String value = Codecs.strings().decode(source, offset, length);
                if (value.equals("v")) {
                    interference.run();
                }
                return value;
            }
        };
        ArenaCache<String, String> cache = ArenaCache.builder(Codecs.strings(), values).maxMemory(1 << 20).shards(1)
                .build();
        interference.cache = cache;
        check(cache, interference, () -> cache.get("k"));
    }

    private static void check(ArenaCache<String, String> cache, Interference interference,
            java.util.concurrent.Callable<String> lookup) throws Exception {
        cache.put("k", "v");
        cache.put("other", "other value");
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "locked-read-test");
            thread.setDaemon(true);
            return thread;
        });
        Future<String> read = reader.submit(lookup);
        String value;
        try {
            value = read.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException deadlocked) {
            // the reader thread holds the shard's lock forever: closing the cache would hang too
            throw new AssertionError("the lookup deadlocked: application code ran under the shard's lock");
        } finally {
            reader.shutdown();
            interference.writer.shutdown();
        }
        assertThat(value).isEqualTo("v");
        assertThat(interference.calls.get()).isEqualTo(Shard.OPTIMISTIC_ATTEMPTS + 1);
        assertThat(interference.nested).isEqualTo("other value");
        cache.close();
    }
}
