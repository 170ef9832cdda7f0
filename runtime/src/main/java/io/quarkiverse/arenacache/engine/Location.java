package io.quarkiverse.arenacache.engine;

/**
 * The 64-bit word an index slot stores to find an entry: which generation slab, at which offset, plus flags.
 * Zero means an empty slot.
 *
 * <pre>
 * bit 62: PRESENT (so that a valid location is never 0)
 * bit 61: REFERENCED (set by readers with a CAS, cleared by the writer when the entry gets its second chance)
 * bit 60: WINDOW (the entry is in the admission window, not yet judged against the main region; writer-owned)
 * bit 59: PROTECTED (a main-region entry read since it joined the main region; writer-owned)
 * bits 39..58: the entry's value length + 1, or 0 if it is too long to fit (see {@link #valueLength})
 * bits 32..38: generation slot (0..127)
 * bits 0..30: offset in the slab
 * </pre>
 */
final class Location {

    static final long EMPTY = 0;
    static final long PRESENT = 1L << 62;
    static final long REFERENCED = 1L << 61;
    static final long WINDOW = 1L << 60;
    static final long PROTECTED = 1L << 59;
    private static final int GENERATION_SHIFT = 32;
    private static final long OFFSET_MASK = 0x7FFF_FFFFL;
    private static final int VALUE_LENGTH_SHIFT = 39;
    private static final long VALUE_LENGTH_FIELD = 0xF_FFFFL;
    /** The bits carrying the value length: moved with the entry like a flag, ignored when comparing addresses. */
    static final long VALUE_LENGTH_BITS = VALUE_LENGTH_FIELD << VALUE_LENGTH_SHIFT;

    private Location() {
    }

    static long of(int generation, long offset) {
        return PRESENT | ((long) generation << GENERATION_SHIFT) | offset;
    }

    /**
     * @return the bits that make a location carry an entry's value length: that length + 1 when below 2^20 - 1
     *         (so 0 means unknown), else 0 (read it from the entry)
     */
    static long valueLengthBits(int valueLength) {
        long stored = valueLength + 1L;
        return stored <= VALUE_LENGTH_FIELD ? stored << VALUE_LENGTH_SHIFT : 0;
    }

    /**
     * The value length a location carries, so that a lookup whose key the hash alone proves (see {@code
     * Shard#find}) reads only the value's bytes, not the entry's header: at 4 M entries the header's cache line is a
     * miss of its own for about half of the entries (those whose value starts on the next line).
     *
     * @return the entry's value length, or -1 if the location does not carry it
     */
    static int valueLength(long location) {
        return (int) ((location >>> VALUE_LENGTH_SHIFT) & VALUE_LENGTH_FIELD) - 1;
    }

    /**
     * @return the location of an entry moved to {@code offset} of {@code generation}: the old location's value length
     *         carried over, with {@code flags}
     */
    static long moved(long old, int generation, long offset, long flags) {
        return of(generation, offset) | (old & VALUE_LENGTH_BITS) | flags;
    }

    static int generation(long location) {
        return (int) (location >>> GENERATION_SHIFT) & 0x7F;
    }

    static long offset(long location) {
        return location & OFFSET_MASK;
    }

    static boolean isReferenced(long location) {
        return (location & REFERENCED) != 0;
    }

    static boolean isWindow(long location) {
        return (location & WINDOW) != 0;
    }

    static boolean isProtected(long location) {
        return (location & PROTECTED) != 0;
    }

    /** @return the location without its flags and value length: what {@link #of} makes of generation and offset */
    static long address(long location) {
        return location & ~(REFERENCED | WINDOW | PROTECTED | VALUE_LENGTH_BITS);
    }
}
