package io.quarkiverse.arenacache;

/**
 * A source of nanosecond time for expiry. Tests inject a fake ticker to drive time without sleeping.
 */
@FunctionalInterface
public interface Ticker {

    /** @return a nanosecond reading; only differences between readings are meaningful */
    long read();

    /** @return the ticker backed by {@link System#nanoTime()} */
    static Ticker system() {
        return System::nanoTime;
    }
}
