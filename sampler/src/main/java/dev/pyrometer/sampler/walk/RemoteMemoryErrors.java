package dev.pyrometer.sampler.walk;

/** Failure codes of a walk that are not an errno (all negative, so they never clash with one). */
final class RemoteMemoryErrors {
    /** Memory changed while it was read: a pointer led nowhere sensible. */
    static final int TORN = -1;
    /** A stack too big for one sample's buffer. */
    static final int BATCH_FULL = -2;
    /**
     * The walk ended in a generator or coroutine frame: its link to its caller was read while the interpreter set or
     * cleared it (resuming or suspending it). No thread's outermost frame is a generator's.
     */
    static final int CUT_AT_GENERATOR = -3;

    private RemoteMemoryErrors() {}
}
