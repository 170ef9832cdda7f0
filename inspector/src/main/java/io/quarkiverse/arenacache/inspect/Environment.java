package io.quarkiverse.arenacache.inspect;

import java.io.Console;
import java.time.Clock;
import java.time.Duration;

/**
 * What the tool takes from its surroundings, so tests can replace it: how to wait between refreshes, the clock for
 * timestamps, and whether standard output is an interactive terminal (which decides between redrawing the screen and
 * printing successive snapshots).
 */
public record Environment(Sleeper sleeper, Clock clock, boolean interactiveTerminal) {

    /** Waits between two refreshes of {@code --watch}. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The real thing: {@link Thread#sleep(Duration)}, the system clock and zone, and the console's own answer. */
    public static Environment system() {
        Console console = System.console();
        // Since Java 22 System.console() is non-null even when redirected: isTerminal() is the real test.
        boolean terminal = console != null && console.isTerminal();
        return new Environment(Thread::sleep, Clock.systemDefaultZone(), terminal);
    }
}
