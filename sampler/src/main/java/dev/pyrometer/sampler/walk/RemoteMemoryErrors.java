package dev.pyrometer.sampler.walk;

/** Failure codes of a walk that are not an errno (all negative, so they never clash with one). */
final class RemoteMemoryErrors {
    /** Memory changed while it was read: a pointer led nowhere sensible. */
    static final int TORN = -1;
    /** A stack too big for one sample's buffer. */
    static final int BATCH_FULL = -2;

    private RemoteMemoryErrors() {}
}
