package dev.pyrometer.app.ui.common;

import java.time.Duration;

/**
 * Periodic work on the UI thread (refreshing the process list, polling a live profile's revision). View models
 * take a ticker instead of creating timers, so tests can drive time by hand.
 */
public interface Ticker {

    /** Runs {@code action} on the UI thread every {@code period} until the returned handle is closed. */
    Subscription every(Duration period, Runnable action);

    /** A handle that stops what it was returned for. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        Subscription NONE = () -> {};

        @Override
        void close();
    }
}
