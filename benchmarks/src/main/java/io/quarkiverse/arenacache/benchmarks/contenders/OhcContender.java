package io.quarkiverse.arenacache.benchmarks.contenders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Function;

import org.caffinitas.ohc.CacheSerializer;
import org.caffinitas.ohc.OHCache;
import org.caffinitas.ohc.OHCacheBuilder;

/** OHC, the established off-heap cache (Unsafe-based), with plain serializers for the keys and byte values. */
final class OhcContender implements CacheContender {

    /** OHC's documented per-entry overhead is about 64 bytes (header plus hash table slot); this is the estimate. */
    static final long ESTIMATED_OVERHEAD_PER_ENTRY = 96;

    private final OHCache<Long, byte[]> cache;

    OhcContender(CacheSpec spec) {
        long capacity = (long) ((spec.payloadBytes() + spec.entries() * ESTIMATED_OVERHEAD_PER_ENTRY) * spec.slack());
        cache = OHCacheBuilder.<Long, byte[]> newBuilder()
                .keySerializer(LongSerializer.INSTANCE)
                .valueSerializer(BytesSerializer.INSTANCE)
                .capacity(capacity)
                .hashTableSize((int) Math.min(1 << 22, Math.max(8192, Long.highestOneBit(spec.entries()))))
                .build();
    }

    @Override
    public String name() {
        return "OHC";
    }

    @Override
    public Object get(Long key) {
        return cache.get(key);
    }

    @Override
    public void put(Long key, byte[] value) {
        cache.put(key, value);
    }

    @Override
    public Object getOrLoad(Long key, Function<Long, byte[]> loader) {
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] loaded = loader.apply(key);
        cache.putIfAbsent(key, loaded);
        return loaded;
    }

    @Override
    public long size() {
        return cache.size();
    }

    @Override
    public void close() {
        try {
            cache.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum LongSerializer implements CacheSerializer<Long> {
        INSTANCE;

        @Override
        public void serialize(Long value, ByteBuffer buffer) {
            buffer.putLong(value);
        }

        @Override
        public Long deserialize(ByteBuffer buffer) {
            return buffer.getLong();
        }

        @Override
        public int serializedSize(Long value) {
            return Long.BYTES;
        }
    }

    private enum BytesSerializer implements CacheSerializer<byte[]> {
        INSTANCE;

        @Override
        public void serialize(byte[] value, ByteBuffer buffer) {
            buffer.putInt(value.length);
            buffer.put(value);
        }

        @Override
        public byte[] deserialize(ByteBuffer buffer) {
            byte[] value = new byte[buffer.getInt()];
            buffer.get(value);
            return value;
        }

        @Override
        public int serializedSize(byte[] value) {
            return Integer.BYTES + value.length;
        }
    }
}
