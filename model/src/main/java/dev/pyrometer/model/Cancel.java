package dev.pyrometer.model;

import java.util.function.BooleanSupplier;

/**
 * Cancellation of long computations. Every aggregation and loader takes a {@link BooleanSupplier} that answers
 * "has the caller given up?" and polls it every few thousand samples; a true answer ends the work with a
 * {@link CancelledException}. A UI passes a flag that it sets when the user changes the selection again.
 */
public final class Cancel {
    /** For callers that never cancel. */
    public static final BooleanSupplier NEVER = () -> false;

    /** How many samples (or similar small units of work) run between two polls. */
    public static final int POLL_INTERVAL = 4096;

    private Cancel() {}

    /** Throws {@link CancelledException} when {@code cancelled} says so. */
    public static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new CancelledException();
    }

    /** A flag to hand to a computation and set from another thread. */
    public static final class Token implements BooleanSupplier {
        private volatile boolean cancelled;

        public void cancel() { cancelled = true; }

        @Override
        public boolean getAsBoolean() { return cancelled; }
    }
}
