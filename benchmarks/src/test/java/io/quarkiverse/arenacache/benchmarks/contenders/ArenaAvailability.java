package io.quarkiverse.arenacache.benchmarks.contenders;

/** Whether this build has a working engine (the skeleton's ArenaCacheEngine.create throws until it lands). */
final class ArenaAvailability {

    private ArenaAvailability() {
    }

    static boolean usable() {
        try {
            ArenaSizing.bytesPerEntry(64);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
