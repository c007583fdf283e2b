package dev.pyrometer.app.ui.compare;

import dev.pyrometer.model.diff.DiffValues;

/**
 * How strongly each row of a comparison is coloured: a level from -{@link ChangePalette#LEVELS} (much less time)
 * through 0 (no change beyond sampling noise) to +LEVELS (much more). Levels follow the square root of the change
 * over the largest real change shown, so a 1-point change next to a 30-point one still gets a visible tint, and the
 * legend can say which change each level stands for. Immutable.
 */
public final class ChangeLevels {
    private final ChangeMeasure measure;
    private final byte[] level;
    private final double scale;

    private ChangeLevels(ChangeMeasure measure, byte[] level, double scale) {
        this.measure = measure;
        this.level = level;
        this.scale = scale;
    }

    /** Levels for every row of {@code values}; row 0 of a tree (the root, which always matches) counts too. */
    public static ChangeLevels of(DiffValues values, ChangeMeasure measure) {
        int n = values.size();
        double scale = 0;
        for (int r = 0; r < n; r++) {
            if (beyondNoise(values, measure, r)) scale = Math.max(scale, Math.abs(delta(values, measure, r)));
        }
        return of(values, measure, scale);
    }

    /**
     * Levels on another's scale (a sandwich of the comparison coloured like its flame graph, so one legend reads
     * both); a change past the scale takes the strongest level.
     */
    public static ChangeLevels of(DiffValues values, ChangeMeasure measure, double scale) {
        int n = values.size();
        byte[] level = new byte[n];
        if (scale > 0) {
            int k = ChangePalette.LEVELS;
            for (int r = 0; r < n; r++) {
                if (!beyondNoise(values, measure, r)) continue;
                double d = delta(values, measure, r);
                int strength = (int) Math.ceil(k * Math.sqrt(Math.abs(d) / scale) - 1e-9);
                level[r] = (byte) (Math.signum(d) * Math.max(1, Math.min(k, strength)));
            }
        }
        return new ChangeLevels(measure, level, scale);
    }

    public static double delta(DiffValues values, ChangeMeasure measure, int row) {
        return measure == ChangeMeasure.SELF ? values.selfDelta(row) : values.totalDelta(row);
    }

    public static boolean beyondNoise(DiffValues values, ChangeMeasure measure, int row) {
        return measure == ChangeMeasure.SELF ? values.selfBeyondNoise(row) : values.totalBeyondNoise(row);
    }

    public ChangeMeasure measure() { return measure; }

    /** The level of a row: 0 within noise, else signed strength. */
    public int level(int row) {
        return row >= 0 && row < level.length ? level[row] : 0;
    }

    /** The largest change beyond noise (the strongest colour), normalised; 0 when nothing changed beyond noise. */
    public double scale() { return scale; }

    /** The largest change a level stands for: level {@code k} covers changes up to this. */
    public double upperBound(int strength) {
        double f = (double) Math.abs(strength) / ChangePalette.LEVELS;
        return scale * f * f;
    }
}
