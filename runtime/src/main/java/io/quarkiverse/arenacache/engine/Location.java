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

    private Location() {
    }

    static long of(int generation, long offset) {
        return PRESENT | ((long) generation << GENERATION_SHIFT) | offset;
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

    static long withoutFlags(long location) {
        return location & ~(REFERENCED | WINDOW | PROTECTED);
    }
}
