package io.quarkiverse.arenacache.inspect;

/**
 * A failure the user can act on: carries the message to print and the process exit code (see {@link ExitCode}).
 */
public final class InspectException extends RuntimeException {

    private final int exitCode;

    public InspectException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public InspectException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
