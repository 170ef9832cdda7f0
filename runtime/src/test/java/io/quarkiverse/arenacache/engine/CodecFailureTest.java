package io.quarkiverse.arenacache.engine;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;

/** A codec that throws or lies leaves the cache unchanged and consistent. */
class CodecFailureTest {

    /** Strings, except for values that ask it to misbehave. */
    static final class Treacherous implements Codec<String> {

        @Override
        public int encodedSize(String value) {
            if (value.equals("size-throws")) {
                throw new IllegalArgumentException("encodedSize failure");
            }
            if (value.equals("negative")) {
                return -1;
            }
            if (value.equals("too-small")) {
                return 2; // but encode writes more
            }
            return Codecs.strings().encodedSize(value);
        }

        @Override
        public void encode(String value, MemorySegment target, long offset) {
            if (value.equals("encode-throws")) {
                target.set(JAVA_BYTE, offset, (byte) 'x'); // a partial write first
                throw new IllegalStateException("encode failure");
            }
            Codecs.strings().encode(value, target, offset);
        }

        @Override
        public String decode(MemorySegment source, long offset, int length) {
            String value = Codecs.strings().decode(source, offset, length);
            if (value.equals("decode-throws")) {
                throw new UnsupportedOperationException("decode failure");
            }
            return value;
        }
    }

    private final FakeTicker ticker = new FakeTicker();
    private final ArenaCache<String, String> cache = ArenaCache.builder(new Treacherous(), new Treacherous())
            .maxMemory(1 << 20).shards(2).generations(4).ticker(ticker).build();

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void failingValueCodecsLeaveThePreviousValueAndAccountingUnchanged() {
        cache.put("k", "old");
        CacheStats before = cache.stats();
        assertThatThrownBy(() -> cache.put("k", "size-throws")).hasMessageContaining("encodedSize failure");
        assertThatThrownBy(() -> cache.put("k", "encode-throws")).hasMessageContaining("encode failure");
        assertThatThrownBy(() -> cache.put("k", "negative")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> cache.put("k", "too-small")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(cache.get("k")).isEqualTo("old");
        CacheStats after = cache.stats();
        assertThat(after.entries()).isEqualTo(before.entries());
        assertThat(after.bytesUsed()).isEqualTo(before.bytesUsed());
        assertThat(after.puts()).isEqualTo(before.puts());
    }

    @Test
    void failingKeyCodecsLeaveTheCacheUnchanged() {
        cache.put("k", "v");
        CacheStats before = cache.stats();
        assertThatThrownBy(() -> cache.put("encode-throws", "v")).hasMessageContaining("encode failure");
        assertThatThrownBy(() -> cache.get("size-throws")).hasMessageContaining("encodedSize failure");
        assertThatThrownBy(() -> cache.invalidate("encode-throws")).hasMessageContaining("encode failure");
        assertThat(cache.stats().entries()).isEqualTo(before.entries());
        assertThat(cache.stats().bytesUsed()).isEqualTo(before.bytesUsed());
        assertThat(cache.get("k")).isEqualTo("v");
    }

    /**
     * A key codec that writes more than its {@code encodedSize} fails a put (the entry's bytes are sized exactly);
     * a lookup, invalidation or load of that key must fail the same way, not act on the key whose encoding is the
     * first {@code encodedSize} bytes of it: here "too-small" reports 2 bytes and writes "too-small", whose first
     * two bytes are the whole encoding of the key "to".
     */
    @Test
    void aKeyCodecWritingMoreThanItsSizeFailsLookupsInsteadOfHittingAnotherKey() {
        cache.put("to", "other key's value");
        assertThatThrownBy(() -> cache.put("too-small", "v")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cache.get("too-small")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cache.containsKey("too-small")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cache.read("too-small", (segment, offset, length) -> length))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cache.invalidate("too-small")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cache.getOrLoad("too-small", k -> "loaded"))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(cache.get("to")).isEqualTo("other key's value");
        assertThat(cache.stats().explicitRemovals()).isZero();
    }

    @Test
    void aDecodeFailureReachesTheCallerAndTheEntryStaysReadable() {
        cache.put("k", "decode-throws");
        assertThatThrownBy(() -> cache.get("k")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(cache.containsKey("k")).isTrue();
        String raw = cache.read("k", (segment, offset, length) -> Codecs.strings().decode(segment, offset, length));
        assertThat(raw).isEqualTo("decode-throws");
        cache.put("k", "fine");
        assertThat(cache.get("k")).isEqualTo("fine");
    }

    @Test
    void aFailingLoaderValueCodecCountsTheLoadButCachesNothing() {
        assertThatThrownBy(() -> cache.getOrLoad("k", k -> "encode-throws")).hasMessageContaining("encode failure");
        assertThat(cache.containsKey("k")).isFalse();
        assertThat(cache.getOrLoad("k", k -> "ok")).isEqualTo("ok");
    }
}
