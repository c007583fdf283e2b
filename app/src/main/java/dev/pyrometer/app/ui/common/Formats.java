package dev.pyrometer.app.ui.common;

import java.time.Duration;
import java.util.Locale;

/** How numbers (and file names) read in the UI: one place, so every table, tooltip and status bar agrees. */
public final class Formats {
    private Formats() {}

    /** {@code 12,345} */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 1 thread}, {@code 12,345 threads}: a count and its noun, singular for one. */
    public static String count(long value, String noun) {
        return count(value) + " " + (value == 1 ? noun : noun + "s");
    }

    /** A share as a percentage with sensible precision: {@code 42.1%}, {@code 0.42%}, {@code <0.01%}, {@code 0%}. */
    public static String percent(double share) {
        double p = share * 100;
        if (p == 0) return "0%";
        if (p < 0.01) return "<0.01%";
        if (p < 1) return String.format(Locale.ROOT, "%.2f%%", p);
        if (p < 99.95) return String.format(Locale.ROOT, "%.1f%%", p);
        return "100%";
    }

    /** {@code part / whole} as a percentage; 0% when whole is 0. */
    public static String percent(long part, long whole) {
        return percent(whole == 0 ? 0 : (double) part / whole);
    }


    /** Elapsed time: {@code 0:07}, {@code 12:34}, {@code 1:02:03}. */
    public static String elapsed(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        return s >= 3600
            ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A rate: {@code 998 Hz}, {@code 1.2 kHz}. */
    public static String rate(double hz) {
        return hz >= 10_000 ? String.format(Locale.ROOT, "%.1f kHz", hz / 1000) : String.format(Locale.ROOT, "%.0f Hz", hz);
    }

    /** Samples as time at a known rate, when the rate is known: {@code 1.25 s}, {@code 830 ms}. */
    public static String seconds(double seconds) {
        if (seconds >= 100) return String.format(Locale.ROOT, "%.0f s", seconds);
        if (seconds >= 1) return String.format(Locale.ROOT, "%.2f s", seconds);
        return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }

    /** A file size: {@code 812 B}, {@code 4.2 MB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1073741824.0);
    }

    /** A path's last part, as tables and headers name a file: {@code /app/main.py} → {@code main.py}; {@code ?} for none. */
    public static String baseName(String path) {
        if (path == null) return "?";
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }
}
