package dev.pyrometer.app.report;

import java.util.Locale;

/** Memory figures as the report prints them: a signed, compact size, marked when it is within the track's noise. */
public final class MemoryText {
    /** The mark of a figure that the memory track's jitter could explain: shown, but not a finding. */
    public static final String NOISE_MARK = "~";

    private MemoryText() {}

    /** {@code +200.0M}, {@code -12K}, {@code 0}; with the noise mark in front when not a finding. */
    public static String net(long bytes, boolean finding) {
        String text = bytes == 0 ? "0" : (bytes > 0 ? "+" : "-") + compact(Math.abs(bytes));
        return finding || bytes == 0 ? text : NOISE_MARK + text;
    }

    public static String compact(long bytes) {
        if (bytes < 1024) return bytes + "B";
        if (bytes < 1024 * 1024) return (bytes >> 10) + "K";
        double mb = bytes / 1048576.0;
        if (mb < 1023.95) return String.format(Locale.ROOT, "%.1fM", mb);
        return String.format(Locale.ROOT, "%.2fG", mb / 1024);
    }
}
