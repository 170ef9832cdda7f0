package io.quarkiverse.arenacache.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.arenacache.Ticker;

/** A ticker tests move by hand, so expiry is tested without sleeping. */
final class FakeTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
        return nanos.get();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    void advanceNanos(long delta) {
        nanos.addAndGet(delta);
    }
}
