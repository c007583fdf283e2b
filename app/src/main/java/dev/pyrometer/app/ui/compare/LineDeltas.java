package dev.pyrometer.app.ui.compare;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.aggregate.LineHeat;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.diff.Noise;
import dev.pyrometer.model.diff.Normalization;
import java.util.function.BooleanSupplier;

/**
 * One source file's lines in both runs (each run's own copy of the file, as the comparison pairs them: the checkout's
 * {@code app.py} with the other checkout's), for the comparison's gutter: each line's samples in base and new (total: the
 * line was running or calling; self: it was running), normalised as the comparison is, the change, whether it is
 * beyond noise, and a colour level scaled to the file's largest real change. Immutable.
 */
public final class LineDeltas {
    private final String file;
    private final Normalization normalization;
    private final ChangeMeasure measure;
    private final LineHeat base;
    private final LineHeat news;
    private final long baseDenominator;
    private final long newDenominator;
    private final byte[] level;
    private final double scale;
    /** What bars are scaled to: the largest real change, or the noise threshold of the noisiest line when larger. */
    private final double largest;

    private LineDeltas(String file, Normalization normalization, ChangeMeasure measure, LineHeat base, LineHeat news,
                       long baseDenominator, long newDenominator) {
        this.file = file;
        this.normalization = normalization;
        this.measure = measure;
        this.base = base;
        this.news = news;
        this.baseDenominator = baseDenominator;
        this.newDenominator = newDenominator;
        int last = lastLine();
        double max = 0, band = 0;
        for (int l = 1; l <= last; l++) {
            if (beyondNoise(l)) max = Math.max(max, Math.abs(delta(l)));
            else if (hasData(l)) band = Math.max(band, Noise.THRESHOLD * noise(l));
        }
        this.scale = max;
        this.largest = Math.max(max, Double.isFinite(band) ? band : 0);
        this.level = new byte[last + 1];
        for (int l = 1; l <= last && max > 0; l++) {
            if (!beyondNoise(l)) continue;
            int strength = (int) Math.ceil(ChangePalette.LEVELS * Math.sqrt(Math.abs(delta(l)) / max) - 1e-9);
            level[l] = (byte) (Math.signum(delta(l)) * Math.max(1, Math.min(ChangePalette.LEVELS, strength)));
        }
    }

    /** No path holds a NUL character: the heat of a file a run does not have. */
    private static final String NO_FILE = "\u0000";

    /** The lines of {@code file} (a path as both profiles hold it) in the two runs' counted samples. */
    public static LineDeltas of(StackCounts base, StackCounts news, String file, Normalization normalization,
                                ChangeMeasure measure, BooleanSupplier cancelled) {
        return of(base, news, file, file, file, normalization, measure, cancelled);
    }

    /**
     * The lines of one file in the two runs: {@code baseFile} as the base run holds it, {@code newFile} as the new
     * run does (either null when that run does not have the file); {@code shown} is the one on screen.
     */
    public static LineDeltas of(StackCounts base, StackCounts news, String shown, String baseFile, String newFile,
                                Normalization normalization, ChangeMeasure measure, BooleanSupplier cancelled) {
        LineHeat b = LineHeat.of(base, baseFile == null ? NO_FILE : baseFile, cancelled);
        Cancel.check(cancelled);
        LineHeat n = LineHeat.of(news, newFile == null ? NO_FILE : newFile, cancelled);
        return new LineDeltas(shown, normalization, measure, b, n,
            denominator(base, normalization), denominator(news, normalization));
    }

    private static long denominator(StackCounts counts, Normalization normalization) {
        return normalization == Normalization.SHARE ? counts.total() : counts.ticks();
    }

    public String file() { return file; }
    public Normalization normalization() { return normalization; }
    public ChangeMeasure measure() { return measure; }

    public int lastLine() {
        return Math.max(base.lastLine(), news.lastLine());
    }

    public int baseSamples(int line) {
        return measure == ChangeMeasure.SELF ? base.self(line) : base.total(line);
    }

    public int newSamples(int line) {
        return measure == ChangeMeasure.SELF ? news.self(line) : news.total(line);
    }

    public double baseValue(int line) {
        return baseDenominator <= 0 ? 0 : (double) baseSamples(line) / baseDenominator;
    }

    public double newValue(int line) {
        return newDenominator <= 0 ? 0 : (double) newSamples(line) / newDenominator;
    }

    public double delta(int line) {
        return newValue(line) - baseValue(line);
    }

    public boolean hasData(int line) {
        return baseSamples(line) > 0 || newSamples(line) > 0;
    }

    public boolean beyondNoise(int line) {
        return Noise.beyondNoise(baseSamples(line), baseDenominator, newSamples(line), newDenominator, normalization);
    }

    /** The standard error of the line's change. */
    public double noise(int line) {
        return Noise.standardError(baseSamples(line), baseDenominator, newSamples(line), newDenominator, normalization);
    }

    /** The colour level: 0 within noise, else ±1 to ±{@link ChangePalette#LEVELS}. */
    public int level(int line) {
        return line > 0 && line < level.length ? level[line] : 0;
    }

    /** The line's change as a fraction of what bars are scaled to: the largest real change or the noise threshold. */
    public double relative(int line) {
        return largest > 0 ? delta(line) / largest : 0;
    }
}
