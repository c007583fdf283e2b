package dev.pyrometer.model.diff;

/**
 * The numbers of a comparison, per row (a function or line in a {@link DiffTable}, a call path in a
 * {@link DiffTree}): base and new sample counts, normalised values, the change, its noise, and whether the row
 * exists on both sides. Normalised values are shares (0 to 1) or thread-seconds per second, see
 * {@link Normalization}. Immutable.
 */
public abstract sealed class DiffValues permits DiffTable, DiffTree {

    /** Whether a row was measured in both profiles or only one. */
    public enum Presence { BOTH, NEW, VANISHED }

    private final Normalization normalization;
    private final long baseDenominator;
    private final long newDenominator;
    private final int[] baseSelf;
    private final int[] baseTotal;
    private final int[] newSelf;
    private final int[] newTotal;

    DiffValues(Normalization normalization, long baseDenominator, long newDenominator, int[] baseSelf, int[] baseTotal,
               int[] newSelf, int[] newTotal) {
        this.normalization = normalization;
        this.baseDenominator = baseDenominator;
        this.newDenominator = newDenominator;
        this.baseSelf = baseSelf;
        this.baseTotal = baseTotal;
        this.newSelf = newSelf;
        this.newTotal = newTotal;
    }

    public Normalization normalization() { return normalization; }
    /** Samples (SHARE) or ticks (PER_SECOND) the base counts are divided by. */
    public long baseDenominator() { return baseDenominator; }
    public long newDenominator() { return newDenominator; }

    public int size() { return baseTotal.length; }

    public int baseSelfSamples(int row) { return baseSelf[row]; }
    public int baseTotalSamples(int row) { return baseTotal[row]; }
    public int newSelfSamples(int row) { return newSelf[row]; }
    public int newTotalSamples(int row) { return newTotal[row]; }

    public double baseSelf(int row) { return value(baseSelf[row], baseDenominator); }
    public double baseTotal(int row) { return value(baseTotal[row], baseDenominator); }
    public double newSelf(int row) { return value(newSelf[row], newDenominator); }
    public double newTotal(int row) { return value(newTotal[row], newDenominator); }

    /** New minus base, normalised. */
    public double totalDelta(int row) { return newTotal(row) - baseTotal(row); }
    public double selfDelta(int row) { return newSelf(row) - baseSelf(row); }

    /** The standard error of {@link #totalDelta}: deltas within a few of these are noise. */
    public double totalNoise(int row) {
        return Noise.standardError(baseTotal[row], baseDenominator, newTotal[row], newDenominator, normalization);
    }

    public double selfNoise(int row) {
        return Noise.standardError(baseSelf[row], baseDenominator, newSelf[row], newDenominator, normalization);
    }

    /** True when the total changed by more than chance explains ({@link Noise#THRESHOLD} standard errors). */
    public boolean totalBeyondNoise(int row) {
        return Noise.beyondNoise(baseTotal[row], baseDenominator, newTotal[row], newDenominator, normalization);
    }

    public boolean selfBeyondNoise(int row) {
        return Noise.beyondNoise(baseSelf[row], baseDenominator, newSelf[row], newDenominator, normalization);
    }

    /** True when the total or the self value changed beyond noise: the rows a view shows in colour. */
    public boolean beyondNoise(int row) {
        return totalBeyondNoise(row) || selfBeyondNoise(row);
    }

    public Presence presence(int row) {
        if (baseTotal[row] == 0) return Presence.NEW;
        if (newTotal[row] == 0) return Presence.VANISHED;
        return Presence.BOTH;
    }

    private static double value(int samples, long denominator) {
        return denominator <= 0 ? 0 : (double) samples / denominator;
    }
}
