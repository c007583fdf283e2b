package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisRequest;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.diff.DiffTable;
import dev.pyrometer.model.diff.DiffTree;
import dev.pyrometer.model.diff.MatchBy;
import dev.pyrometer.model.diff.Pairing;
import dev.pyrometer.model.diff.Normalization;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One comparison of two analyses, computed together off the UI thread so every view of it agrees: which frames of the
 * two runs are the same ({@link Pairing}), the merged call paths ({@link DiffTree}), the per-key table
 * ({@link DiffTable}), and for each side's tree node the merged path it belongs to, so a flame graph of either run can
 * be coloured by change. Immutable.
 *
 * @param diffOfBase per node of the base tree, its node in {@code tree}
 * @param diffOfNew  per node of the new tree, its node in {@code tree}
 */
public record Comparison(Analysis base, Analysis news, Normalization normalization, Pairing pairing, DiffTree tree,
                         DiffTable table, int[] diffOfBase, int[] diffOfNew) {

    /** Whether two analyses can be compared: same grouping, same transforms, same kind of samples. */
    public static boolean comparable(Analysis base, Analysis news) {
        return comparable(base, news, null);
    }

    /**
     * Whether two analyses can be compared: same grouping and kind of samples (each of its own threads), and the same transforms once the new
     * run's are named as the base run names its files ({@code pairing}: the last comparison's, null before the first).
     */
    public static boolean comparable(Analysis base, Analysis news, Pairing pairing) {
        if (base == null || news == null) return false;
        AnalysisRequest b = base.request(), n = news.request();
        // Each run may be restricted to processes of its own (its threads): the rest of the selection is shared.
        if (!b.selection().withAllThreads().equals(n.selection().withAllThreads()) || b.keyBy() != n.keyBy()) return false;
        Transforms nameAsBase = pairing == null ? n.transforms() : Matching.onSide(pairing, n.transforms(), Side.BASE);
        return nameAsBase.equals(b.transforms());
    }

    /** Frames paired by their path relative to each run's roots. */
    public static Comparison compute(Analysis base, Analysis news, Normalization normalization, BooleanSupplier cancelled) {
        return compute(base, news, normalization, MatchBy.RELATIVE_PATH, cancelled);
    }

    public static Comparison compute(Analysis base, Analysis news, Normalization normalization, MatchBy matchBy,
                                     BooleanSupplier cancelled) {
        Pairing pairing = Pairing.of(base.tree().keys(), news.tree().keys(), matchBy);
        Cancel.check(cancelled);
        DiffTree tree = DiffTree.of(base.tree(), news.tree(), normalization, pairing, cancelled);
        Cancel.check(cancelled);
        DiffTable table = DiffTable.of(base.tree(), news.tree(), normalization, pairing);
        int[] diffOfBase = new int[base.tree().size()];
        int[] diffOfNew = new int[news.tree().size()];
        Arrays.fill(diffOfBase, -1);
        Arrays.fill(diffOfNew, -1);
        for (int d = 0; d < tree.size(); d++) {
            if (tree.baseNode(d) >= 0) diffOfBase[tree.baseNode(d)] = d;
            if (tree.newNode(d) >= 0) diffOfNew[tree.newNode(d)] = d;
        }
        return new Comparison(base, news, normalization, pairing, tree, table, diffOfBase, diffOfNew);
    }

    /** The call tree of one side. */
    public CallTree treeOf(Side side) {
        return side == Side.BASE ? base.tree() : news.tree();
    }

    /** The merged path a side's tree node belongs to, or -1. */
    public int diffNode(Side side, int treeNode) {
        int[] map = side == Side.BASE ? diffOfBase : diffOfNew;
        return treeNode >= 0 && treeNode < map.length ? map[treeNode] : -1;
    }
}
