package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.source.SourceDocument;
import dev.pyrometer.app.ui.source.SourceView;
import dev.pyrometer.model.diff.Normalization;
import java.util.Locale;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The comparison's source gutter: per visible line, its number, a bar of its change between the runs, and its value
 * in base and new with the change (blank for lines neither run was in). Changes within noise are grey, real ones
 * in the comparison's colours. Built only for lines on screen, from precomputed {@link LineDeltas}.
 */
final class DeltaGutter implements IntFunction<Node> {
    static final double BAR_WIDTH = 60;
    private static final String FORMAT = "%6s %6s %8s";

    private final SourceDocument document;
    private final LineDeltas deltas;
    private final ChangePalette palette;
    private final boolean dark;
    private final String numberFormat;
    private final int targetLine;

    /** @param deltas the lines of the document's file in both runs, or null while they are computed */
    DeltaGutter(SourceDocument document, LineDeltas deltas, ChangePalette palette, boolean dark, int targetLine) {
        this.document = document;
        this.deltas = deltas != null && deltas.file().equals(document.recordedPath()) ? deltas : null;
        this.palette = palette;
        this.dark = dark;
        this.numberFormat = "%" + SourceView.lineNumberDigits(document) + "d";
        this.targetLine = targetLine;
    }

    /** The column titles, matching a line's figures. */
    static String header(Normalization normalization) {
        return normalization == Normalization.SHARE
            ? String.format(Locale.ROOT, FORMAT, "base", "new", "Δ pp")
            : String.format(Locale.ROOT, FORMAT, "base", "new", "Δ s/s");
    }

    @Override
    public Node apply(int paragraph) {
        int line = paragraph + 1;
        Label number = new Label(String.format(Locale.ROOT, numberFormat, line));
        number.getStyleClass().add("gutter-line-number");
        DeltaBar bar = new DeltaBar(BAR_WIDTH);
        Label stats = new Label(text(line));
        stats.getStyleClass().add("gutter-stats");
        HBox box = new HBox(number, bar, stats);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("source-gutter");
        if (line == targetLine) box.getStyleClass().add("gutter-target");
        if (deltas != null && deltas.hasData(line)) {
            int level = deltas.level(line);
            bar.set(deltas.relative(line), level == 0 ? palette.neutral(dark).darker() : palette.color(level, dark));
            if (level != 0) stats.getStyleClass().add(level > 0 ? "delta-more" : "delta-less");
            box.getStyleClass().add("gutter-hot");
        } else {
            bar.set(0, palette.neutral(dark));
        }
        return box;
    }

    private String text(int line) {
        if (deltas == null || !deltas.hasData(line)) return String.format(Locale.ROOT, FORMAT, "", "", "");
        Normalization n = deltas.normalization();
        // Real changes are told apart by colour and weight (see the CSS), not by a symbol that would crowd the column.
        return String.format(Locale.ROOT, FORMAT, value(deltas.baseValue(line), n), value(deltas.newValue(line), n),
            change(deltas.delta(line), n));
    }

    /** A compact value for the narrow column: {@code 42%}, {@code 4.2%}, {@code <.1%}, or {@code 0.42}. */
    static String value(double v, Normalization n) {
        if (v == 0) return "·";
        if (n == Normalization.PER_SECOND) return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.3f", v);
        double p = v * 100;
        if (p >= 9.95) return String.format(Locale.ROOT, "%.0f%%", p);
        if (p >= 0.05) return String.format(Locale.ROOT, "%.1f%%", p);
        return "<.1%";
    }

    /** The change in percentage points (or s/s): {@code +33.3}, {@code -0.4}. */
    static String change(double d, Normalization n) {
        if (d == 0) return "0";
        if (n == Normalization.PER_SECOND) return String.format(Locale.ROOT, "%+.3f", d);
        double p = d * 100;
        if (Math.abs(p) < 0.05) return p < 0 ? "-<.1" : "+<.1";
        return String.format(Locale.ROOT, "%+.1f", p);
    }
}
