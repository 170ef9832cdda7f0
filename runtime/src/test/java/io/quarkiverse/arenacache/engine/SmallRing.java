package io.quarkiverse.arenacache.engine;

import java.util.Arrays;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.Codecs;

/** A one-shard cache of four 4 KiB slabs holding 100-byte values: small enough that every test evicts. */
final class SmallRing {

    static final int SLAB = 4096;
    static final int GENERATIONS = 4;
    /** 24 header + 4 key + 100 value. */
    static final int ENTRY = EntryLayout.HEADER_BYTES + 4 + 100;

    private SmallRing() {
    }

    static ArenaCache<Integer, byte[]> cache(String name, FakeTicker ticker,
            RecordingListener<Integer, byte[]> listener) {
        return ArenaCache.builder(Codecs.integers(), Codecs.byteArrays())
                .name(name).maxMemory(SLAB * GENERATIONS).shards(1).generations(GENERATIONS).ticker(ticker)
                .evictionListener(listener).build();
    }

    /** A 100-byte value filled with {@code i}, so each key's value is recognisable. */
    static byte[] value(int i) {
        byte[] value = new byte[100];
        Arrays.fill(value, (byte) i);
        return value;
    }
}
