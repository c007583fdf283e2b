package dev.pyrometer.app.ui.timeline;

import java.util.Locale;

/** Times on the timeline as people read them, and the axis's round tick steps. */
public final class TimeLabels {
    private static final long[] STEPS = stepsMicros();

    private TimeLabels() {}

    /** The smallest round step (1, 2 or 5 × a power of ten µs) at least {@code minMicros} long. */
    public static long step(double minMicros) {
        for (long step : STEPS) if (step >= minMicros) return step;
        return STEPS[STEPS.length - 1];
    }

    /** A time since the recording started, with as many decimals as a step of {@code stepMicros} needs. */
    public static String at(long micros, long stepMicros) {
        double seconds = micros / 1e6;
        if (stepMicros >= 60_000_000 && micros >= 60_000_000) {
            long s = Math.round(seconds);
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        int decimals = stepMicros >= 1_000_000 ? 0 : stepMicros >= 100_000 ? 1 : stepMicros >= 10_000 ? 2
            : stepMicros >= 1_000 ? 3 : stepMicros >= 100 ? 4 : 5;
        return String.format(Locale.ROOT, "%." + decimals + "f s", seconds);
    }

    /** A time with millisecond precision: {@code 12.345 s}. */
    public static String at(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    /** A duration: {@code 1.25 s}, {@code 830 ms}, {@code 420 µs}. */
    public static String duration(long micros) {
        if (micros >= 100_000_000) return String.format(Locale.ROOT, "%.0f s", micros / 1e6);
        if (micros >= 1_000_000) return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
        if (micros >= 10_000) return String.format(Locale.ROOT, "%.0f ms", micros / 1e3);
        if (micros >= 1_000) return String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
        return micros + " µs";
    }

    private static long[] stepsMicros() {
        long[] steps = new long[3 * 13 + 4];
        int n = 0;
        for (long p = 1; p <= 1_000_000_000_000L && n + 3 <= 3 * 13; p *= 10) {
            steps[n++] = p;
            steps[n++] = 2 * p;
            steps[n++] = 5 * p;
        }
        // Whole minutes and hours read better than 5e7 µs.
        steps[n++] = 60_000_000L;
        steps[n++] = 300_000_000L;
        steps[n++] = 600_000_000L;
        steps[n++] = 3_600_000_000L;
        java.util.Arrays.sort(steps, 0, n);
        return java.util.Arrays.copyOf(steps, n);
    }
}
