package io.quarkiverse.arenacache.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One in-flight load of a key, shared by every caller that misses on that key while it runs. */
final class Flight<V> {

    /**
     * The thread running the loader, to detect recursive loads: for the whole load if synchronous, only until the
     * loader has returned its stage if asynchronous; {@code null} afterwards.
     */
    private volatile Thread owner;
    final CompletableFuture<V> future = new CompletableFuture<>();
    /** Set when the key is invalidated while the load runs: the loaded value is then returned but not kept. */
    private boolean invalidated; // guarded by this

    Flight(Thread owner) {
        this.owner = owner;
    }

    /** @return whether the calling thread is running this flight's loader (a recursive load) */
    boolean ownedByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** An async loader returned its stage: the load no longer runs on its thread. */
    void disown() {
        owner = null;
    }

    /** Flags the flight; waits for a {@link #storeUnlessInvalidated store} under way, which then comes first. */
    synchronized void invalidate() {
        invalidated = true;
    }

    /**
     * Runs {@code store} unless the flight was invalidated, atomically with respect to {@link #invalidate}: an
     * invalidation that returns has either prevented the store or seen it complete.
     */
    synchronized void storeUnlessInvalidated(Runnable store) {
        if (!invalidated) {
            store.run();
        }
    }

    /** Waits for the leader's result, rethrowing its exception as it was thrown. */
    V await() {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw Sneaky.rethrow(e.getCause() == null ? e : e.getCause());
        }
    }
}
