package io.quarkiverse.arenacache.examples.zerocopy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Small computations over a value's stored bytes, for use inside {@link io.quarkiverse.arenacache.ValueReader}s: they
 * read the off-heap segment in place and allocate nothing proportional to the value's size.
 */
final class StoredBytes {

    private static final ValueLayout.OfInt BIG_ENDIAN_INT = ValueLayout.JAVA_INT_UNALIGNED
            .withOrder(ByteOrder.BIG_ENDIAN);
    private static final long PNG_SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;

    private StoredBytes() {
    }

    /** @return the CRC-32 of the bytes, computed over a read-only view of the segment (no copy) */
    static long crc32(MemorySegment segment, long offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(segment.asSlice(offset, length).asByteBuffer());
        return crc.getValue();
    }

    /** @return a new array holding bytes {@code [from, from + count)} of the value: the only copy made */
    static byte[] copy(MemorySegment segment, long offset, long from, int count) {
        return segment.asSlice(offset + from, count).toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * @return the width and height from a PNG's IHDR chunk, read straight from the stored bytes, or {@code null} when
     *         the bytes do not start like a PNG
     */
    static int[] pngSize(MemorySegment segment, long offset, int length) {
        // Signature (8 bytes), then the IHDR chunk: length (4), type (4), width (4), height (4).
        if (length < 24
                || segment.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), offset) != PNG_SIGNATURE
                || segment.get(BIG_ENDIAN_INT, offset + 12) != IHDR) {
            return null;
        }
        return new int[] { segment.get(BIG_ENDIAN_INT, offset + 16), segment.get(BIG_ENDIAN_INT, offset + 20) };
    }
}
