package io.quarkiverse.arenacache.benchmarks.simulation;

/** A cache replaying a trace: on a miss the key is inserted, as a read-through cache would. */
interface ReplayPolicy extends AutoCloseable {

    /** @return whether {@code key} was a hit */
    boolean access(long key);

    /** @return the number of entries resident now */
    long resident();

    @Override
    default void close() {
    }
}
