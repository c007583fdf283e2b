package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.flame.FrameAnnotations;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.diff.DiffTree;
import dev.pyrometer.model.diff.DiffValues.Presence;
import dev.pyrometer.model.diff.Normalization;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * A comparison laid over one run's flame graph: each frame coloured by how its call path changed between the runs
 * (neutral within noise), frames the other run does not have hatched, and the hover card told base, new, change and
 * noise. Immutable; a new palette or measure makes a new one.
 */
public final class ChangeAnnotations implements FrameAnnotations {
    private final Comparison comparison;
    private final Side side;
    private final ChangeLevels levels;
    private final ChangePalette palette;

    public ChangeAnnotations(Comparison comparison, Side side, ChangeLevels levels, ChangePalette palette) {
        this.comparison = comparison;
        this.side = side;
        this.levels = levels;
        this.palette = palette;
    }

    public Comparison comparison() { return comparison; }
    public Side side() { return side; }
    public ChangeLevels levels() { return levels; }

    @Override
    public CallTree tree() {
        return comparison.treeOf(side);
    }

    @Override
    public byte color(int treeNode) {
        int d = comparison.diffNode(side, treeNode);
        return d < 0 ? ChangePalette.NEUTRAL : ChangePalette.index(levels.level(d));
    }

    @Override
    public Color[] palette(boolean dark) {
        return palette.colors(dark);
    }

    @Override
    public boolean marked(int treeNode) {
        int d = comparison.diffNode(side, treeNode);
        return d >= 0 && comparison.tree().presence(d) == (side == Side.NEW ? Presence.NEW : Presence.VANISHED);
    }

    @Override
    public List<String> notes(int treeNode) {
        int d = comparison.diffNode(side, treeNode);
        return d < 0 ? List.of() : notes(comparison.tree(), levels, d);
    }

    /** The hover card's lines for a merged call path: base → new totals and selfs, the change against its noise. */
    static List<String> notes(DiffTree diff, ChangeLevels levels, int d) {
        Normalization n = diff.normalization();
        List<String> lines = new ArrayList<>();
        if (d == 0) {
            lines.add("Base " + Formats.count(diff.baseTotalSamples(0)) + " samples  →  new " + Formats.count(diff.newTotalSamples(0)));
            if (n == Normalization.PER_SECOND) lines.add(line("Total", diff.baseTotal(0), diff.newTotal(0), n));
            return lines;
        }
        return changes(diff, levels, d);
    }

    /** Base → new total and self of a row, its change against its noise, and whether one run lacks it. */
    static List<String> changes(DiffTree diff, ChangeLevels levels, int d) {
        Normalization n = diff.normalization();
        List<String> lines = new ArrayList<>();
        lines.add(line("Total", diff.baseTotal(d), diff.newTotal(d), n));
        lines.add(line("Self ", diff.baseSelf(d), diff.newSelf(d), n));
        boolean self = levels.measure() == ChangeMeasure.SELF;
        lines.add(ChangeText.noise(ChangeLevels.beyondNoise(diff, levels.measure(), d), ChangeLevels.delta(diff, levels.measure(), d),
            self ? diff.selfNoise(d) : diff.totalNoise(d)) + (self ? " (self)" : ""));
        Presence presence = diff.presence(d);
        if (presence == Presence.NEW) lines.add("New: this call path is not in the base run");
        if (presence == Presence.VANISHED) lines.add("Vanished: this call path is not in the new run");
        return lines;
    }

    private static String line(String what, double base, double news, Normalization n) {
        String ratio = ChangeText.ratio(base, news);
        return what + "  base " + ChangeText.value(base, n) + "  →  new " + ChangeText.value(news, n) + "   "
            + ChangeText.delta(news - base, n) + (ratio.isEmpty() ? "" : "  " + ratio);
    }
}
