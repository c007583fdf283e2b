package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.flame.FrameAnnotations;
import dev.pyrometer.app.ui.sandwich.SandwichHalves;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.Sandwich;
import dev.pyrometer.model.diff.DiffTree;
import dev.pyrometer.model.diff.DiffValues.Presence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.paint.Color;

/**
 * The sandwich of a function in a comparison: cut from both runs, each half merged path by path like the call trees
 * ({@link DiffTree}), and drawn in the new run's shape (the base run's, for a function only it has) coloured by how
 * each caller and callee path changed, on the comparison's own colour scale so its legend reads the sandwich too.
 */
final class SandwichChanges {
    private SandwichChanges() {}

    /** The halves for a selection, or null when neither run has the function. */
    static SandwichHalves cut(Comparison c, FrameSelection selected, ChangeLevels scale, ChangePalette palette,
                              BooleanSupplier cancelled) {
        CallTree newTree = c.news().tree(), baseTree = c.base().tree();
        // The selection names a frame of the new run, and the base run's is the one the comparison pairs with it;
        // for a function only the base run has, the selection is that run's own frame.
        int newKey = Matching.keyOf(newTree.keys(), selected.ref());
        int baseKey = Matching.keyOf(c.pairing(), Side.BASE, baseTree.keys(), Side.NEW, selected.ref());
        if (newKey < 0 && baseKey < 0) baseKey = Matching.keyOf(baseTree.keys(), selected.ref());
        if (newKey < 0 && baseKey < 0) return null;
        Sandwich news = Sandwich.of(newTree, newKey, cancelled);
        Sandwich base = Sandwich.of(baseTree, baseKey, cancelled);
        Side drawn = newKey >= 0 && news.total() > 0 ? Side.NEW : Side.BASE;
        if (drawn == Side.BASE && (baseKey < 0 || base.total() == 0)) return null;
        DiffTree up = DiffTree.of(base.callers(), news.callers(), c.normalization(), c.pairing(), cancelled);
        DiffTree down = DiffTree.of(base.callees(), news.callees(), c.normalization(), c.pairing(), cancelled);
        ChangeMeasure measure = scale.measure();
        Half callers = new Half(drawn == Side.NEW ? news.callers() : base.callers(), up, drawn,
            ChangeLevels.of(up, measure, scale.scale()), palette);
        Half callees = new Half(drawn == Side.NEW ? news.callees() : base.callees(), down, drawn,
            ChangeLevels.of(down, measure, scale.scale()), palette);
        List<String> notes = new ArrayList<>();
        notes.add((drawn == Side.NEW ? "In both runs" : "Only in the base run") + ", by " + measure.toString().toLowerCase(java.util.Locale.ROOT)
            + " time:");
        notes.addAll(ChangeAnnotations.changes(down, callees.levels, 0));
        return new SandwichHalves(drawn == Side.NEW ? news : base, callers, callees, notes);
    }

    /** One half of the drawn run, each node coloured by its merged path's change. */
    private static final class Half implements FrameAnnotations {
        private final CallTree tree;
        private final DiffTree diff;
        private final Side side;
        private final ChangeLevels levels;
        private final ChangePalette palette;
        private final int[] diffOf;

        Half(CallTree tree, DiffTree diff, Side side, ChangeLevels levels, ChangePalette palette) {
            this.tree = tree;
            this.diff = diff;
            this.side = side;
            this.levels = levels;
            this.palette = palette;
            this.diffOf = new int[tree.size()];
            Arrays.fill(diffOf, -1);
            for (int d = 0; d < diff.size(); d++) {
                int node = side == Side.NEW ? diff.newNode(d) : diff.baseNode(d);
                if (node >= 0) diffOf[node] = d;
            }
        }

        @Override
        public CallTree tree() {
            return tree;
        }

        @Override
        public byte color(int treeNode) {
            int d = diffOf[treeNode];
            return d < 0 ? ChangePalette.NEUTRAL : ChangePalette.index(levels.level(d));
        }

        @Override
        public Color[] palette(boolean dark) {
            return palette.colors(dark);
        }

        @Override
        public boolean marked(int treeNode) {
            int d = diffOf[treeNode];
            return d >= 0 && diff.presence(d) == (side == Side.NEW ? Presence.NEW : Presence.VANISHED);
        }

        @Override
        public List<String> notes(int treeNode) {
            int d = diffOf[treeNode];
            return d < 0 ? List.of() : ChangeAnnotations.changes(diff, levels, d);
        }
    }
}
