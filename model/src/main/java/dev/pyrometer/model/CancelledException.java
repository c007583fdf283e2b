package dev.pyrometer.model;

/**
 * Thrown by a long computation (an aggregation, a file load) when its caller cancelled it. It is not an error: the
 * caller asked for it and simply drops the partial result.
 */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
