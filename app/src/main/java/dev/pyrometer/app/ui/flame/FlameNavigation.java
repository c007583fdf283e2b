package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.FrameRef;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Where a flame graph's user wants to go, worked out with its scene: the hottest frame in view (the layout node with
 * the most self samples under the zoomed frame, which the graph opens scrolled to), the search's matches as tree
 * nodes, heaviest first (what Enter steps through), and the function that repeats most on the deepest stack (what
 * "Collapse recursion" collapses). Pure and immutable.
 *
 * @param hottest           the layout node with the most self samples under the zoom, or -1
 * @param matches           tree nodes whose key matches the search, heaviest first; empty without a search
 * @param recursionTarget   the key repeated most on the deepest stack drawn, as a reference; null when none repeats
 * @param recursionRepeats  how often it appears on that stack
 */
public record FlameNavigation(int hottest, int[] matches, FrameRef recursionTarget, int recursionRepeats) {
    public static final FlameNavigation NONE = new FlameNavigation(-1, new int[0], null, 0);

    /**
     * @param zoomNode  the layout node shown full width
     * @param keyMatch  per key, whether it matches the search; null without a search
     */
    public static FlameNavigation of(FlameLayout layout, int zoomNode, boolean[] keyMatch, BooleanSupplier cancelled) {
        CallTree tree = layout.tree();
        int hottest = hottest(layout, zoomNode);
        Cancel.check(cancelled);
        int[] matches = keyMatch == null ? new int[0] : matches(tree, keyMatch);
        Cancel.check(cancelled);
        int deepest = deepest(layout);
        FrameRef target = null;
        int repeats = 0;
        if (deepest > 0) {
            int[] count = new int[tree.keys().size()];
            int best = -1;
            for (int n = deepest; n > 0; n = tree.parent(n)) {
                int k = tree.key(n);
                if (++count[k] > repeats) {
                    repeats = count[k];
                    best = k;
                }
            }
            if (repeats >= 2) target = tree.keys().ref(best);
            else repeats = 0;
        }
        return new FlameNavigation(hottest, matches, target, repeats);
    }

    /** The layout node with the most self samples inside the zoomed frame; the deeper one on a tie. */
    static int hottest(FlameLayout layout, int zoomNode) {
        CallTree tree = layout.tree();
        int zoomTree = layout.treeNode(zoomNode);
        int from = zoomTree, to = tree.end(zoomTree);
        int best = -1, bestSelf = 0;
        for (int i = 1; i < layout.size(); i++) {
            int node = layout.treeNode(i);
            if (node <= 0 || node < from || node >= to) continue;
            int self = tree.self(node);
            if (self > bestSelf || self == bestSelf && best >= 0 && self > 0 && layout.depth(i) > layout.depth(best)) {
                best = i;
                bestSelf = self;
            }
        }
        return best;
    }

    /** Matching tree nodes, heaviest first (the earlier node on a tie, which reads top-down, left to right). */
    static int[] matches(CallTree tree, boolean[] keyMatch) {
        int count = 0;
        for (int n = 1; n < tree.size(); n++) if (keyMatch[tree.key(n)]) count++;
        long[] packed = new long[count];
        count = 0;
        for (int n = 1; n < tree.size(); n++) {
            if (keyMatch[tree.key(n)]) packed[count++] = (long) (Integer.MAX_VALUE - tree.total(n)) << 32 | n;
        }
        Arrays.sort(packed);
        int[] nodes = new int[count];
        for (int i = 0; i < count; i++) nodes[i] = (int) packed[i];
        return nodes;
    }

    /** The tree node of the widest real frame on the deepest level drawn that has one; 0 when there is none. */
    static int deepest(FlameLayout layout) {
        for (int depth = layout.depthCount() - 1; depth > 0; depth--) {
            int best = -1;
            for (int i = layout.levelStart(depth); i < layout.levelStart(depth + 1); i++) {
                if (!layout.isOther(i) && (best < 0 || layout.width(i) > layout.width(best))) best = i;
            }
            if (best >= 0) return layout.treeNode(best);
        }
        return 0;
    }

    /** The position of a tree node among the matches, or -1. */
    public int indexOf(int treeNode) {
        for (int i = 0; i < matches.length; i++) if (matches[i] == treeNode) return i;
        return -1;
    }
}
