package io.quarkiverse.arenacache.inspect;

/**
 * The process exit codes of {@code arena-cache-inspect}. Each failure class has its own code so scripts can react
 * (e.g. retry on {@link #UNREACHABLE}, fix the configuration on {@link #ENDPOINT_NOT_FOUND}).
 */
public final class ExitCode {

    /** The snapshot (or the meters) was fetched and printed. */
    public static final int OK = 0;
    /** The tool itself could not run: no Java 25 for the launcher, or an internal error (a bug). */
    public static final int INTERNAL_ERROR = 1;
    /** Bad command line: unknown option, malformed value, options that do not go together (picocli's code). */
    public static final int USAGE = 2;
    /** The host could not be reached: connection refused, unknown host, connect or request timeout, I/O error. */
    public static final int UNREACHABLE = 3;
    /** HTTP 404 that is not the snapshot endpoint's own answer: endpoint disabled, wrong URL, no metrics. */
    public static final int ENDPOINT_NOT_FOUND = 4;
    /** The endpoint answered that no cache has the requested name. */
    public static final int UNKNOWN_CACHE = 5;
    /** An answer that is not what the endpoint sends: not JSON, wrong shape, or an unexpected HTTP status. */
    public static final int UNEXPECTED_CONTENT = 6;

    private ExitCode() {
    }
}
