package io.quarkiverse.arenacache.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;

/** The framing of generated record codecs: truncated or garbage input is refused, never read past its end. */
class RecordCodecSupportTest {

    @Test
    void aComponentWrittenAndReadBack() {
        MemorySegment segment = MemorySegment.ofArray(new byte[16]);
        long end = RecordCodecSupport.write(Codecs.integers(), 42, segment, 0);
        assertThat(end).isEqualTo(9);
        assertThat(RecordCodecSupport.read(Codecs.integers(), segment, 0, end)).isEqualTo(42);
        assertThat(RecordCodecSupport.skip(segment, 0, end)).isEqualTo(end);
        long afterNull = RecordCodecSupport.write(Codecs.integers(), null, segment, end);
        assertThat(RecordCodecSupport.read(Codecs.integers(), segment, end, afterNull)).isNull();
    }

    /**
     * A component that would start at (or after) the end of the value's bytes is missing: its presence byte belongs
     * to whatever follows in memory (a neighbouring entry), so it must not be read, let alone taken as "null".
     */
    @Test
    void aComponentStartingAtTheEndIsRefusedWithoutReadingTheNextByte() {
        MemorySegment zeros = MemorySegment.ofArray(new byte[8]);
        assertThatIllegalArgumentException().isThrownBy(() -> RecordCodecSupport.read(Codecs.integers(), zeros, 4, 4))
                .withMessageContaining("truncated");
        assertThatIllegalArgumentException().isThrownBy(() -> RecordCodecSupport.skip(zeros, 4, 4))
                .withMessageContaining("truncated");
        // with a segment that ends there, the same is an IllegalArgumentException, not an IndexOutOfBoundsException
        MemorySegment exact = MemorySegment.ofArray(new byte[4]);
        assertThatIllegalArgumentException().isThrownBy(() -> RecordCodecSupport.skip(exact, 4, 4));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RecordCodecSupport.read(Codecs.integers(), exact, 4, 4));
    }

    @Test
    void aGarbagePresenceByteOrLengthIsRefused() {
        MemorySegment segment = MemorySegment.ofArray(new byte[] { 7, 0, 0, 0, 0 });
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RecordCodecSupport.read(Codecs.integers(), segment, 0, 5));
        MemorySegment negative = MemorySegment.ofArray(new byte[] { 1, -1, -1, -1, -1, 0, 0 });
        assertThatIllegalArgumentException().isThrownBy(() -> RecordCodecSupport.skip(negative, 0, 7));
        MemorySegment tooLong = MemorySegment.ofArray(new byte[] { 1, 9, 0, 0, 0, 0, 0 });
        assertThatIllegalArgumentException().isThrownBy(() -> RecordCodecSupport.skip(tooLong, 0, 7));
    }

    /** A component of (almost) 2 GiB overflows the 5-byte header: the size is refused like any other too large. */
    @Test
    void aHugeComponentSizeIsAnIllegalArgumentNotAnArithmeticException() {
        Codec<String> huge = new Codec<>() {
            @Override
            public int encodedSize(String value) {
                return Integer.MAX_VALUE - 2;
            }

            @Override
            public void encode(String value, MemorySegment target, long offset) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String decode(MemorySegment source, long offset, int length) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatIllegalArgumentException().isThrownBy(() -> RecordCodecSupport.addSize(0, huge, "x"))
                .withMessageContaining("too large");
    }
}
