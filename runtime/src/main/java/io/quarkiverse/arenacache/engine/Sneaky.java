package io.quarkiverse.arenacache.engine;

/** Rethrows any throwable unchanged, so loader exceptions reach callers exactly as thrown. */
final class Sneaky {

    private Sneaky() {
    }

    static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException> sneaky(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
