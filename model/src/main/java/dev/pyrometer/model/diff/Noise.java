package dev.pyrometer.model.diff;

/**
 * How much of a difference between two sampled numbers chance alone could explain. Sampling a program is counting
 * random hits: a node seen n times out of N samples has a binomial share n/N; seen n times in T ticks it has a
 * Poisson rate n/T. Under "nothing changed" both profiles share one pooled rate, and the standard error of the
 * difference follows from it (the two-proportion z-test, and its Poisson counterpart). A difference beyond
 * {@link #THRESHOLD} standard errors is called real: with hundreds of rows on screen a 2-sigma rule would grey in
 * several false alarms, 3 sigma about one in 370 rows.
 */
public final class Noise {
    /** Standard errors a delta must exceed to be shown as a change. */
    public static final double THRESHOLD = 3.0;

    private Noise() {}

    /**
     * The standard error of {@code n2/d2 - n1/d1}.
     *
     * @return +infinity when either side has nothing to compare (a zero denominator)
     */
    public static double standardError(long n1, long d1, long n2, long d2, Normalization normalization) {
        if (d1 <= 0 || d2 <= 0) return Double.POSITIVE_INFINITY;
        double inverse = 1.0 / d1 + 1.0 / d2;
        return switch (normalization) {
            case SHARE -> {
                double p = (double) (n1 + n2) / (d1 + d2);
                yield Math.sqrt(Math.max(0, p * (1 - p)) * inverse);
            }
            case PER_SECOND -> Math.sqrt((double) (n1 + n2) / (d1 + d2) * inverse);
        };
    }

    /** True when the difference is larger than chance would make it (and both sides were measured at all). */
    public static boolean beyondNoise(long n1, long d1, long n2, long d2, Normalization normalization) {
        if (d1 <= 0 || d2 <= 0) return false;
        double delta = (double) n2 / d2 - (double) n1 / d1;
        if (delta == 0) return false;
        return Math.abs(delta) > THRESHOLD * standardError(n1, d1, n2, d2, normalization);
    }
}
