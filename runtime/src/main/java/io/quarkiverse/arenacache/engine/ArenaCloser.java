package io.quarkiverse.arenacache.engine;

import java.lang.foreign.Arena;

/** Closes a shared arena, tolerating a close that races with an access the JDK briefly refuses to interrupt. */
final class ArenaCloser {

    private static final int ATTEMPTS = 1000;

    private ArenaCloser() {
    }

    static void close(Arena arena) {
        for (int attempt = 0;; attempt++) {
            try {
                arena.close();
                return;
            } catch (IllegalStateException e) {
                if (!arena.scope().isAlive()) {
                    return;
                }
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
