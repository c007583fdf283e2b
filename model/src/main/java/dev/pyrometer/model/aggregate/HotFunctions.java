package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.SampleState;
import java.util.Arrays;

/**
 * The "hot list": one row per key of a top-down call tree (per function under {@link KeyBy#FUNCTION}, per line
 * under LINE...), with self samples (the key on top of the stack) and total samples (the key anywhere on the
 * stack, counted once per sample even under recursion), each with its category split. Rows are sorted by self,
 * then total, heaviest first. Immutable.
 */
public final class HotFunctions {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    private final CallTree tree;
    private final int[] key;
    private final int[] self;
    private final int[] total;
    private final int[] selfByCategory;
    private final int[] totalByCategory;

    private HotFunctions(CallTree tree, int[] key, int[] selfCat, int[] totalCat) {
        this.tree = tree;
        this.key = key;
        this.selfByCategory = selfCat;
        this.totalByCategory = totalCat;
        this.self = new int[key.length];
        this.total = new int[key.length];
        for (int r = 0; r < key.length; r++) {
            for (int c = 0; c < CATEGORIES; c++) {
                self[r] += selfCat[r * CATEGORIES + c];
                total[r] += totalCat[r * CATEGORIES + c];
            }
        }
    }

    public static HotFunctions of(CallTree tree) {
        if (tree.isBottomUp()) throw new IllegalArgumentException("hot functions come from a top-down tree");
        int keys = tree.keys().size();
        int[] selfCat = new int[keys * CATEGORIES];
        int[] totalCat = new int[keys * CATEGORIES];
        boolean[] seen = new boolean[keys];
        // Depth-first walk with a count of each key on the current path: a node adds to its key's total only when
        // no ancestor has the same key, so recursion is counted once.
        int[] onPath = new int[keys];
        int[] open = new int[64];
        int openCount = 0;
        for (int i = 1; i < tree.size(); i++) {
            while (openCount > 0 && tree.end(open[openCount - 1]) <= i) onPath[tree.key(open[--openCount])]--;
            int k = tree.key(i);
            seen[k] = true;
            for (int c = 0; c < CATEGORIES; c++) {
                selfCat[k * CATEGORIES + c] += tree.selfIn(i, c);
                if (onPath[k] == 0) totalCat[k * CATEGORIES + c] += tree.totalIn(i, c);
            }
            onPath[k]++;
            if (openCount == open.length) open = Arrays.copyOf(open, openCount * 2);
            open[openCount++] = i;
        }
        int rows = 0;
        for (boolean s : seen) if (s) rows++;
        Integer[] order = new Integer[rows];
        int[] selfOf = new int[keys];
        int[] totalOf = new int[keys];
        int r = 0;
        for (int k = 0; k < keys; k++) {
            if (!seen[k]) continue;
            for (int c = 0; c < CATEGORIES; c++) {
                selfOf[k] += selfCat[k * CATEGORIES + c];
                totalOf[k] += totalCat[k * CATEGORIES + c];
            }
            order[r++] = k;
        }
        Arrays.sort(order, (ka, kb) -> {
            int c = Integer.compare(selfOf[kb], selfOf[ka]);
            if (c == 0) c = Integer.compare(totalOf[kb], totalOf[ka]);
            return c != 0 ? c : tree.keys().compare(ka, kb);
        });
        int[] key = new int[rows];
        int[] rowSelf = new int[rows * CATEGORIES];
        int[] rowTotal = new int[rows * CATEGORIES];
        for (r = 0; r < rows; r++) {
            int k = order[r];
            key[r] = k;
            System.arraycopy(selfCat, k * CATEGORIES, rowSelf, r * CATEGORIES, CATEGORIES);
            System.arraycopy(totalCat, k * CATEGORIES, rowTotal, r * CATEGORIES, CATEGORIES);
        }
        return new HotFunctions(tree, key, rowSelf, rowTotal);
    }

    public CallTree tree() { return tree; }
    public Keys keys() { return tree.keys(); }
    public int size() { return key.length; }
    public int key(int row) { return key[row]; }
    public String label(int row) { return tree.keys().label(key[row]); }
    public FrameRef ref(int row) { return tree.keys().ref(key[row]); }
    public int self(int row) { return self[row]; }
    public int total(int row) { return total[row]; }
    public int selfIn(int row, int category) { return selfByCategory[row * CATEGORIES + category]; }
    public int totalIn(int row, int category) { return totalByCategory[row * CATEGORIES + category]; }
    /** All samples of the tree, the denominator of shares. */
    public int sampleCount() { return tree.total(0); }

    /** The row of a key, or -1. */
    public int rowOf(int k) {
        for (int r = 0; r < key.length; r++) if (key[r] == k) return r;
        return -1;
    }
}
