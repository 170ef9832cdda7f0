package io.quarkiverse.arenacache.runtime.codec;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;

import java.lang.foreign.MemorySegment;

import io.quarkiverse.arenacache.Codec;

/**
 * The encoding shared by the codecs the extension generates at build time for records and simple value classes.
 * Each component, in declaration order, is written as a presence byte (0 for {@code null}, 1 otherwise) followed,
 * when present, by a 4-byte length and the component codec's bytes. The format is deterministic, so equal keys
 * encode to equal bytes, and self-delimiting, so nested records need no extra framing.
 * <p>
 * Generated code calls these methods; they are public only for that reason.
 */
public final class RecordCodecSupport {

    private static final int HEADER = 1 + Integer.BYTES;

    private RecordCodecSupport() {
    }

    /** @return the running total plus the bytes {@code value} needs as a component */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static int addSize(int total, Codec codec, Object value) {
        try {
            int size = value == null ? 1 : Math.addExact(HEADER, codec.encodedSize(value));
            return Math.addExact(total, size);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("value too large to encode: more than " + Integer.MAX_VALUE + " bytes");
        }
    }

    /** Writes one component at {@code at}. @return the offset after it */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static long write(Codec codec, Object value, MemorySegment target, long at) {
        if (value == null) {
            target.set(JAVA_BYTE, at, (byte) 0);
            return at + 1;
        }
        int length = codec.encodedSize(value);
        target.set(JAVA_BYTE, at, (byte) 1);
        target.set(JAVA_INT_UNALIGNED, at + 1, length);
        codec.encode(value, target, at + HEADER);
        return at + HEADER + length;
    }

    /** @return the component at {@code at}, or {@code null} when it was written as absent */
    public static Object read(Codec<?> codec, MemorySegment source, long at, long end) {
        checkStart(at, end);
        byte presence = source.get(JAVA_BYTE, at);
        if (presence == 0) {
            return null;
        }
        return codec.decode(source, at + HEADER, checkedLength(source, at, end));
    }

    /** @return the offset after the component at {@code at} */
    public static long skip(MemorySegment source, long at, long end) {
        checkStart(at, end);
        if (source.get(JAVA_BYTE, at) == 0) {
            return at + 1;
        }
        return at + HEADER + checkedLength(source, at, end);
    }

    /** Checks that decoding consumed exactly the bytes the value was given. */
    public static void checkEnd(String type, long at, long end) {
        if (at != end) {
            throw new IllegalArgumentException("malformed encoding of " + type + ": " + (end - at)
                    + " bytes left over after the last component");
        }
    }

    /**
     * Refuses an instance of a subclass of a value class: its codec writes only the value class's fields, so the
     * subclass's own would be silently lost (and keys differing only in them would share an entry).
     */
    public static void checkClass(Class<?> type, Object value) {
        if (value.getClass() != type) {
            throw new IllegalArgumentException("cannot encode an instance of " + value.getClass().getName() + " as "
                    + type.getName() + ": the codec generated for " + type.getName() + " writes only its fields, so"
                    + " those of the subclass would be lost; give the cache a Codec for " + type.getSimpleName()
                    + " to store subclasses");
        }
    }

    /** Unboxes a component of primitive type, which is never written as absent by a generated codec. */
    public static Object requirePresent(Object value, String type, String component) {
        if (value == null) {
            throw new IllegalArgumentException("malformed encoding of " + type + ": primitive component "
                    + component + " is absent");
        }
        return value;
    }

    /** A component must start before the end: the byte at {@code end} belongs to whatever follows the value. */
    private static void checkStart(long at, long end) {
        if (at >= end) {
            throw new IllegalArgumentException("malformed (truncated) encoding: a component would start at offset "
                    + at + ", but the value's bytes end at " + end);
        }
    }

    private static int checkedLength(MemorySegment source, long at, long end) {
        byte presence = source.get(JAVA_BYTE, at);
        if (presence != 1 || at + HEADER > end) {
            throw new IllegalArgumentException("malformed component header at offset " + at);
        }
        int length = source.get(JAVA_INT_UNALIGNED, at + 1);
        if (length < 0 || at + HEADER + length > end) {
            throw new IllegalArgumentException("malformed component length " + length + " at offset " + at);
        }
        return length;
    }
}
