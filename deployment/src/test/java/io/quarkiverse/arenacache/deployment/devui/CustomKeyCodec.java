package io.quarkiverse.arenacache.deployment.devui;

import java.lang.foreign.MemorySegment;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;

/**
 * A key codec of the application's own: the Dev UI cannot know how its keys are written as text, so it must not
 * offer key actions for caches using it (even though it stores strings).
 */
public class CustomKeyCodec implements Codec<String> {

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
