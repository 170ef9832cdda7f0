package io.quarkiverse.arenacache.inspect;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * {@code --watch}: renders a frame every interval. On an interactive terminal the screen is cleared and redrawn; when
 * the output goes to a file or a pipe, frames follow one another, each after a timestamp line (JSON frames have no
 * such line, so the output stays a stream of JSON documents). The first refresh's failure ends the run with its exit
 * code; later failures are shown (in place on a terminal, on stderr otherwise) and retried, so an application
 * restarting in dev mode comes back.
 */
public final class Watcher {

    /** Cursor home and clear screen: one write per frame, so the redraw does not flicker. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private final Environment environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Duration interval;
    private final Integer count;
    private final String source;
    private final boolean json;

    /**
     * @param count how many refreshes to make; {@code null} for until interrupted
     * @param source what is watched (a URL), for the header
     * @param json whether frames are JSON documents
     */
    public Watcher(Environment environment, PrintWriter out, PrintWriter err, Duration interval, Integer count,
            String source, boolean json) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.interval = interval;
        this.count = count;
        this.source = source;
        this.json = json;
    }

    /** Runs until {@code count} refreshes are done or the thread is interrupted; returns the last refresh's code. */
    public int run(Supplier<String> frame) {
        int lastExitCode = ExitCode.OK;
        for (int refresh = 1;; refresh++) {
            try {
                show(out, frame.get(), json);
                lastExitCode = ExitCode.OK;
            } catch (InspectException e) {
                if (refresh == 1) {
                    throw e;
                }
                // On a terminal the error replaces the frame; in a pipe it goes to stderr and keeps stdout clean.
                show(environment.interactiveTerminal() ? out : err, "error (exit code " + e.exitCode() + "): "
                        + e.getMessage() + "\nretrying in " + Durations.format(interval) + "\n", false);
                lastExitCode = e.exitCode();
            }
            if (count != null && refresh >= count) {
                return lastExitCode;
            }
            try {
                environment.sleeper().sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lastExitCode;
            }
        }
    }

    private void show(PrintWriter target, String body, boolean isJson) {
        target.print(decorate(body, isJson));
        target.flush();
    }

    private String decorate(String body, boolean isJson) {
        String time = OffsetDateTime.now(environment.clock()).truncatedTo(ChronoUnit.SECONDS).toString();
        if (environment.interactiveTerminal()) {
            return CLEAR_SCREEN + "arena-cache-inspect  " + source + "  every " + Durations.format(interval) + "  "
                    + time + "  (Ctrl+C to stop)\n\n" + body;
        }
        return isJson ? body : "--- " + time + "  " + source + " ---\n" + body;
    }
}
