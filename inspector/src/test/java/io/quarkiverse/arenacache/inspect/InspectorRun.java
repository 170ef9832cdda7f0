package io.quarkiverse.arenacache.inspect;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code arena-cache-inspect} in-process against a base URL and captures what it prints. Works the same against
 * the {@link StubServer} and against a real running application (pass the application's snapshot URL), so an
 * integration test only needs {@code InspectorRun.against(url).run("--cache", "users")}. Other modules get this class
 * from the {@code arena-cache-inspect} test-jar ({@code <type>test-jar</type>}).
 *
 * <p>
 * The environment never sleeps: the waits {@code --watch} asks for are recorded instead, and the clock starts at
 * {@link #NOW} and moves forward by exactly each requested wait.
 */
public final class InspectorRun {

    /** The fixed time every run sees: 2026-01-02T03:04:05Z. */
    public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final String snapshotUrl;
    private final boolean terminal;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private InspectorRun(String snapshotUrl, boolean terminal) {
        this.snapshotUrl = snapshotUrl;
        this.terminal = terminal;
    }

    /** Runs with {@code --url snapshotUrl} prepended, output not a terminal. */
    public static InspectorRun against(String snapshotUrl) {
        return new InspectorRun(snapshotUrl, false);
    }

    /** Runs with the given arguments only (no --url added). */
    public static InspectorRun withoutUrl() {
        return new InspectorRun(null, false);
    }

    /** As if standard output were an interactive terminal (for the redrawing watch mode). */
    public InspectorRun onTerminal() {
        return new InspectorRun(snapshotUrl, true);
    }

    /** Every wait requested so far by {@code --watch}. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Result run(String... args) {
        return runWith(duration -> {
        }, args);
    }

    /** Runs with {@code onSleep} called at each wait {@code --watch} asks for (after it is recorded). */
    public Result runWith(Environment.Sleeper onSleep, String... args) {
        List<String> all = new ArrayList<>();
        if (snapshotUrl != null) {
            all.add("--url");
            all.add(snapshotUrl);
        }
        all.addAll(List.of(args));
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Environment.Sleeper recordingSleeper = duration -> {
            sleeps.add(duration);
            now.updateAndGet(instant -> instant.plus(duration));
            onSleep.sleep(duration);
        };
        Environment environment = new Environment(recordingSleeper, new SteppedClock(now), terminal);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ArenaCacheInspect.run(environment, new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** A UTC clock that reads its time from a reference the fake sleeper advances. */
    private static final class SteppedClock extends Clock {
        private final AtomicReference<Instant> now;

        SteppedClock(AtomicReference<Instant> now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC only");
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
