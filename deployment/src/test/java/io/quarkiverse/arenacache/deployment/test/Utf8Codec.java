package io.quarkiverse.arenacache.deployment.test;

import java.lang.foreign.MemorySegment;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;

/** A plain (non-bean) codec class for the key-codec / value-codec properties. */
public class Utf8Codec implements Codec<String> {

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
        return Codecs.strings().decode(source, offset, length);
    }
}
