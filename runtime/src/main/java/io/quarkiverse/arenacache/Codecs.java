package io.quarkiverse.arenacache;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_CHAR_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The built-in codecs. Fixed-size types use their natural width in native byte order (the bytes never leave the
 * process); strings are UTF-8 (an unpaired surrogate, which UTF-8 cannot express, is written as the 3-byte sequence
 * of its code unit, so every string round-trips exactly and distinct strings never share bytes); enums are stored
 * by ordinal, which is safe because the cache does not outlive the process that filled it.
 */
public final class Codecs {

    private Codecs() {
    }

    /** @return a codec for strings, as UTF-8 (unpaired surrogates as their 3-byte sequences: see the class) */
    public static Codec<String> strings() {
        return StringCodec.INSTANCE;
    }

    /** @return a codec for byte arrays, stored as they are (defensively copied in both directions) */
    public static Codec<byte[]> byteArrays() {
        return ByteArrayCodec.INSTANCE;
    }

    /** @return a codec for {@code Long} in 8 bytes */
    public static Codec<Long> longs() {
        return LongCodec.INSTANCE;
    }

    /** @return a codec for {@code Integer} in 4 bytes */
    public static Codec<Integer> integers() {
        return IntegerCodec.INSTANCE;
    }

    /** @return a codec for {@code Short} in 2 bytes */
    public static Codec<Short> shorts() {
        return ShortCodec.INSTANCE;
    }

    /** @return a codec for {@code Byte} in 1 byte */
    public static Codec<Byte> bytes() {
        return ByteCodec.INSTANCE;
    }

    /** @return a codec for {@code Character} in 2 bytes */
    public static Codec<Character> characters() {
        return CharacterCodec.INSTANCE;
    }

    /** @return a codec for {@code Boolean} in 1 byte */
    public static Codec<Boolean> booleans() {
        return BooleanCodec.INSTANCE;
    }

    /**
     * @return a codec for {@code Double} in 8 bytes: the bit pattern of {@link Double#doubleToLongBits}, so -0.0 and
     *         0.0 stay different and every NaN encodes alike, as {@link Double#equals} has it
     */
    public static Codec<Double> doubles() {
        return DoubleCodec.INSTANCE;
    }

    /** @return a codec for {@code Float} in 4 bytes: the bit pattern of {@link Float#floatToIntBits} (see doubles) */
    public static Codec<Float> floats() {
        return FloatCodec.INSTANCE;
    }

    /** @return a codec for {@code UUID} in 16 bytes */
    public static Codec<UUID> uuids() {
        return UuidCodec.INSTANCE;
    }

    /**
     * A codec for an enum, by ordinal. Takes the constants rather than the class so that no reflection is needed
     * (pass {@code MyEnum.values()}).
     *
     * @param constants all constants of the enum, in ordinal order
     */
    public static <E extends Enum<E>> Codec<E> enums(E[] constants) {
        return new EnumCodec<>(constants);
    }

    /**
     * @return the built-in codec for {@code type}, or {@code null} when there is none (enums are not included: use
     *         {@link #enums})
     */
    @SuppressWarnings("unchecked")
    public static <T> Codec<T> forClass(Class<T> type) {
        Codec<?> codec;
        if (type == String.class) {
            codec = strings();
        } else if (type == byte[].class) {
            codec = byteArrays();
        } else if (type == Long.class || type == long.class) {
            codec = longs();
        } else if (type == Integer.class || type == int.class) {
            codec = integers();
        } else if (type == Short.class || type == short.class) {
            codec = shorts();
        } else if (type == Byte.class || type == byte.class) {
            codec = bytes();
        } else if (type == Character.class || type == char.class) {
            codec = characters();
        } else if (type == Boolean.class || type == boolean.class) {
            codec = booleans();
        } else if (type == Double.class || type == double.class) {
            codec = doubles();
        } else if (type == Float.class || type == float.class) {
            codec = floats();
        } else if (type == UUID.class) {
            codec = uuids();
        } else {
            codec = null;
        }
        return (Codec<T>) codec;
    }

    /** Checks that a decoder was handed the number of bytes its fixed-size encoder writes. */
    static void checkLength(String type, int expected, int length) {
        if (length != expected) {
            throw new IllegalArgumentException(
                    "a " + type + " is encoded in " + expected + " bytes, but " + length + " were given");
        }
    }

    private enum StringCodec implements Codec<String> {
        INSTANCE;

        @Override
        public int encodedSize(String value) {
            int length = value.length();
            long size = length;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    if (c < 0x800) {
                        size += 1;
                    } else if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        size += 2; // 4 bytes for the pair of 2 chars
                        i++;
                    } else {
                        size += 2; // 3 bytes, an unpaired surrogate too (see encode)
                    }
                }
            }
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("string too long to encode: " + size + " UTF-8 bytes");
            }
            return (int) size;
        }

        @Override
        public void encode(String value, MemorySegment target, long offset) {
            long at = offset;
            int length = value.length();
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    target.set(JAVA_BYTE, at++, (byte) c);
                } else if (c < 0x800) {
                    target.set(JAVA_BYTE, at++, (byte) (0xC0 | (c >> 6)));
                    target.set(JAVA_BYTE, at++, (byte) (0x80 | (c & 0x3F)));
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    target.set(JAVA_BYTE, at++, (byte) (0xF0 | (cp >> 18)));
                    target.set(JAVA_BYTE, at++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
                    target.set(JAVA_BYTE, at++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
                    target.set(JAVA_BYTE, at++, (byte) (0x80 | (cp & 0x3F)));
                } else {
                    // also an unpaired surrogate, as its own 3-byte sequence (ED A0..BF xx), not as '?' like
                    // String.getBytes: "a\uD83D" and "a?" are different keys and must not share bytes
                    target.set(JAVA_BYTE, at++, (byte) (0xE0 | (c >> 12)));
                    target.set(JAVA_BYTE, at++, (byte) (0x80 | ((c >> 6) & 0x3F)));
                    target.set(JAVA_BYTE, at++, (byte) (0x80 | (c & 0x3F)));
                }
            }
        }

        @Override
        public String decode(MemorySegment source, long offset, int length) {
            byte[] bytes = new byte[length];
            MemorySegment.copy(source, JAVA_BYTE, offset, bytes, 0, length);
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            // The JDK's decoder turns an encoded unpaired surrogate into U+FFFD; only then decode by hand (indexOf
            // is vectorized, and a Latin-1 string answers it at once)
            return decoded.indexOf('\uFFFD') < 0 ? decoded : decodeWithSurrogates(bytes);
        }

        /** Decodes UTF-8 in which unpaired surrogates may appear as 3-byte sequences ED A0..BF 80..BF. */
        private static String decodeWithSurrogates(byte[] bytes) {
            StringBuilder text = new StringBuilder(bytes.length);
            int run = 0;
            for (int i = 0; i + 2 < bytes.length; i++) {
                // 0xED is a lead byte, never a continuation byte: a match starts a sequence
                if (bytes[i] == (byte) 0xED && (bytes[i + 1] & 0xE0) == 0xA0 && (bytes[i + 2] & 0xC0) == 0x80) {
                    text.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
                    text.append((char) (0xD000 | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
                    i += 2;
                    run = i + 1;
                }
            }
            return text.append(new String(bytes, run, bytes.length - run, StandardCharsets.UTF_8)).toString();
        }
    }

    private enum ByteArrayCodec implements Codec<byte[]> {
        INSTANCE;

        @Override
        public int encodedSize(byte[] value) {
            return value.length;
        }

        @Override
        public void encode(byte[] value, MemorySegment target, long offset) {
            MemorySegment.copy(value, 0, target, JAVA_BYTE, offset, value.length);
        }

        @Override
        public byte[] decode(MemorySegment source, long offset, int length) {
            byte[] bytes = new byte[length];
            MemorySegment.copy(source, JAVA_BYTE, offset, bytes, 0, length);
            return bytes;
        }
    }

    private enum LongCodec implements Codec<Long> {
        INSTANCE;

        @Override
        public int encodedSize(Long value) {
            return Long.BYTES;
        }

        @Override
        public void encode(Long value, MemorySegment target, long offset) {
            target.set(JAVA_LONG_UNALIGNED, offset, value);
        }

        @Override
        public Long decode(MemorySegment source, long offset, int length) {
            checkLength("Long", Long.BYTES, length);
            return source.get(JAVA_LONG_UNALIGNED, offset);
        }
    }

    private enum IntegerCodec implements Codec<Integer> {
        INSTANCE;

        @Override
        public int encodedSize(Integer value) {
            return Integer.BYTES;
        }

        @Override
        public void encode(Integer value, MemorySegment target, long offset) {
            target.set(JAVA_INT_UNALIGNED, offset, value);
        }

        @Override
        public Integer decode(MemorySegment source, long offset, int length) {
            checkLength("Integer", Integer.BYTES, length);
            return source.get(JAVA_INT_UNALIGNED, offset);
        }
    }

    private enum ShortCodec implements Codec<Short> {
        INSTANCE;

        @Override
        public int encodedSize(Short value) {
            return Short.BYTES;
        }

        @Override
        public void encode(Short value, MemorySegment target, long offset) {
            target.set(JAVA_SHORT_UNALIGNED, offset, value);
        }

        @Override
        public Short decode(MemorySegment source, long offset, int length) {
            checkLength("Short", Short.BYTES, length);
            return source.get(JAVA_SHORT_UNALIGNED, offset);
        }
    }

    private enum ByteCodec implements Codec<Byte> {
        INSTANCE;

        @Override
        public int encodedSize(Byte value) {
            return Byte.BYTES;
        }

        @Override
        public void encode(Byte value, MemorySegment target, long offset) {
            target.set(JAVA_BYTE, offset, value);
        }

        @Override
        public Byte decode(MemorySegment source, long offset, int length) {
            checkLength("Byte", Byte.BYTES, length);
            return source.get(JAVA_BYTE, offset);
        }
    }

    private enum CharacterCodec implements Codec<Character> {
        INSTANCE;

        @Override
        public int encodedSize(Character value) {
            return Character.BYTES;
        }

        @Override
        public void encode(Character value, MemorySegment target, long offset) {
            target.set(JAVA_CHAR_UNALIGNED, offset, value);
        }

        @Override
        public Character decode(MemorySegment source, long offset, int length) {
            checkLength("Character", Character.BYTES, length);
            return source.get(JAVA_CHAR_UNALIGNED, offset);
        }
    }

    private enum BooleanCodec implements Codec<Boolean> {
        INSTANCE;

        @Override
        public int encodedSize(Boolean value) {
            return 1;
        }

        @Override
        public void encode(Boolean value, MemorySegment target, long offset) {
            target.set(JAVA_BYTE, offset, value ? (byte) 1 : (byte) 0);
        }

        @Override
        public Boolean decode(MemorySegment source, long offset, int length) {
            checkLength("Boolean", 1, length);
            return source.get(JAVA_BYTE, offset) != 0;
        }
    }

    private enum DoubleCodec implements Codec<Double> {
        INSTANCE;

        @Override
        public int encodedSize(Double value) {
            return Double.BYTES;
        }

        @Override
        public void encode(Double value, MemorySegment target, long offset) {
            // doubleToLongBits, not the raw bits: every NaN is equal to every other (Double.equals), so all must
            // encode to the same bytes (0.0 / 0.0 computed at run time is not Double.NaN's bit pattern on x86)
            target.set(JAVA_LONG_UNALIGNED, offset, Double.doubleToLongBits(value));
        }

        @Override
        public Double decode(MemorySegment source, long offset, int length) {
            checkLength("Double", Double.BYTES, length);
            return source.get(JAVA_DOUBLE_UNALIGNED, offset);
        }
    }

    private enum FloatCodec implements Codec<Float> {
        INSTANCE;

        @Override
        public int encodedSize(Float value) {
            return Float.BYTES;
        }

        @Override
        public void encode(Float value, MemorySegment target, long offset) {
            target.set(JAVA_INT_UNALIGNED, offset, Float.floatToIntBits(value)); // every NaN alike, as for doubles
        }

        @Override
        public Float decode(MemorySegment source, long offset, int length) {
            checkLength("Float", Float.BYTES, length);
            return source.get(JAVA_FLOAT_UNALIGNED, offset);
        }
    }

    private enum UuidCodec implements Codec<UUID> {
        INSTANCE;

        @Override
        public int encodedSize(UUID value) {
            return 2 * Long.BYTES;
        }

        @Override
        public void encode(UUID value, MemorySegment target, long offset) {
            target.set(JAVA_LONG_UNALIGNED, offset, value.getMostSignificantBits());
            target.set(JAVA_LONG_UNALIGNED, offset + Long.BYTES, value.getLeastSignificantBits());
        }

        @Override
        public UUID decode(MemorySegment source, long offset, int length) {
            checkLength("UUID", 2 * Long.BYTES, length);
            return new UUID(source.get(JAVA_LONG_UNALIGNED, offset),
                    source.get(JAVA_LONG_UNALIGNED, offset + Long.BYTES));
        }
    }

    private static final class EnumCodec<E extends Enum<E>> implements Codec<E> {
        private final E[] constants;

        EnumCodec(E[] constants) {
            Objects.requireNonNull(constants, "constants");
            for (int i = 0; i < constants.length; i++) {
                if (constants[i] == null || constants[i].ordinal() != i) {
                    throw new IllegalArgumentException("constants must be all of an enum's constants in ordinal"
                            + " order (pass MyEnum.values())");
                }
            }
            this.constants = constants.clone();
        }

        /** Refuses a constant missing from {@code constants}, which {@link #decode} could never return. */
        @Override
        public int encodedSize(E value) {
            int ordinal = value.ordinal();
            if (ordinal >= constants.length || constants[ordinal] != value) {
                throw new IllegalArgumentException("cannot encode " + value + ": not among the " + constants.length
                        + " constants this codec was given (pass MyEnum.values())");
            }
            return Integer.BYTES;
        }

        @Override
        public void encode(E value, MemorySegment target, long offset) {
            target.set(JAVA_INT_UNALIGNED, offset, value.ordinal());
        }

        @Override
        public E decode(MemorySegment source, long offset, int length) {
            checkLength("enum", Integer.BYTES, length);
            int ordinal = source.get(JAVA_INT_UNALIGNED, offset);
            if (ordinal < 0 || ordinal >= constants.length) {
                throw new IllegalArgumentException("no constant with ordinal " + ordinal + " in "
                        + (constants.length == 0 ? "an empty enum" : constants[0].getDeclaringClass().getName()));
            }
            return constants[ordinal];
        }
    }
}
