package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.diff.Noise;
import dev.pyrometer.model.diff.Normalization;
import java.util.Locale;

/**
 * How a comparison's numbers read: shares as percentages and their changes in percentage points ({@code +12.3 pp}),
 * or thread-seconds per second ({@code 0.42 s/s}), with the change's size in standard errors of sampling.
 */
public final class ChangeText {
    private ChangeText() {}

    /** A value on one side: {@code 42.1%}, or {@code 0.421 s/s}. */
    public static String value(double value, Normalization normalization) {
        if (normalization == Normalization.SHARE) return Formats.percent(value);
        if (value == 0) return "0 s/s";
        return String.format(Locale.ROOT, value >= 10 ? "%.1f s/s" : "%.3f s/s", value);
    }

    /** A signed change: {@code +12.3 pp}, {@code -0.42 pp}, {@code +0.210 s/s}; {@code 0} for none. */
    public static String delta(double delta, Normalization normalization) {
        if (delta == 0) return "0";
        if (normalization == Normalization.SHARE) {
            double points = delta * 100;
            if (Math.abs(points) < 0.01) return (points < 0 ? "-" : "+") + "<0.01 pp";
            return String.format(Locale.ROOT, Math.abs(points) < 1 ? "%+.2f pp" : "%+.1f pp", points);
        }
        return String.format(Locale.ROOT, Math.abs(delta) >= 10 ? "%+.1f s/s" : "%+.3f s/s", delta);
    }

    /** How many times larger the new value is: {@code ×2.00}, {@code ×0.50}; empty when either side is zero. */
    public static String ratio(double base, double news) {
        if (base <= 0 || news <= 0) return "";
        double r = news / base;
        return String.format(Locale.ROOT, r >= 10 ? "×%.0f" : "×%.2f", r);
    }

    /** The change in standard errors: {@code 12.3σ}. */
    public static String sigmas(double delta, double noise) {
        if (Double.isInfinite(noise)) return "";
        if (noise == 0) return delta == 0 ? "0σ" : "∞σ";
        double z = Math.abs(delta) / noise;
        return String.format(Locale.ROOT, z >= 100 ? "%.0fσ" : "%.1fσ", z);
    }

    /** One sentence about noise for a hover card. */
    public static String noise(boolean beyond, double delta, double noise) {
        String size = sigmas(delta, noise);
        if (beyond) return "Beyond noise: " + size + " (more than " + (int) Noise.THRESHOLD + " standard errors)";
        if (delta == 0) return "No change";
        return "Within noise: " + size + " (sampling alone explains up to " + (int) Noise.THRESHOLD + "σ)";
    }

    /** What the values are, for legends and column titles. */
    public static String unit(Normalization normalization) {
        return normalization == Normalization.SHARE ? "share of all samples" : "thread-seconds per second";
    }
}
