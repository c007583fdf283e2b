package dev.pyrometer.model;

/**
 * An error the user caused or can act on: a pid that is gone, a corrupt file, an unsupported Python.
 *
 * <p>The message is one complete sentence that says what happened and what to do; front ends print it as it is,
 * without a stack trace. Anything else that escapes is a bug in Pyrometer and is reported as one.
 */
public class PyrometerException extends RuntimeException {
    private final int exitCode;

    public PyrometerException(String message) {
        this(message, 1, null);
    }

    public PyrometerException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public PyrometerException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code a command line front end should return. */
    public int exitCode() {
        return exitCode;
    }
}
