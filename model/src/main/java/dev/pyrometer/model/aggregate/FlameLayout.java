package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleState;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Rectangles of a flame graph (or icicle graph: flip the depth axis) for a call tree: x and width as fractions of the
 * root's width (0 to 1), and depth (0 for the root). Nodes narrower than a minimum width are not laid out; the
 * narrow children of one parent are gathered into one "other" node placed after its kept siblings, so the totals
 * still add up. The uncovered part of a parent right of its children is its self time.
 *
 * <p>Nodes are stored level by level, left to right within a level, so {@link #nodeAt} is a binary search. Every
 * node also carries its self/total samples and their python / native / system / idle split for tooltips.
 * Immutable.
 */
public final class FlameLayout {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;
    /** {@link #treeNode} of an "other" node. */
    public static final int OTHER = -1;

    /** Sibling order. */
    public enum Order {
        /** By label, as flamegraph.pl and py-spy draw: positions stay put while a live profile grows. */
        ALPHABETICAL,
        /** Heaviest child first (speedscope's "left heavy"). */
        HEAVIEST_FIRST
    }

    private final CallTree tree;
    private final double[] x;
    private final double[] width;
    private final int[] treeNode;
    private final int[] levelStart;
    /** For "other" nodes: how many tree nodes they stand for, and their summed totals per category. */
    private final int[] otherCount;
    private final int[] otherTotalByCategory;

    private FlameLayout(CallTree tree, double[] x, double[] width, int[] treeNode, int[] levelStart, int[] otherCount,
                        int[] otherTotalByCategory) {
        this.tree = tree;
        this.x = x;
        this.width = width;
        this.treeNode = treeNode;
        this.levelStart = levelStart;
        this.otherCount = otherCount;
        this.otherTotalByCategory = otherTotalByCategory;
    }

    /**
     * Lays out a top-down (or bottom-up) tree.
     *
     * @param minWidth the narrowest node kept, as a fraction of the root (for example 1 pixel / canvas width)
     */
    public static FlameLayout of(CallTree tree, double minWidth, Order order, BooleanSupplier cancelled) {
        double rootTotal = Math.max(1, tree.total(0));
        Builder out = new Builder(Math.min(tree.size(), 1024));
        int[] levelStart = new int[16];
        int levels = 0;
        out.add(0, 0, 1, 0, null);
        int levelBegin = 0;
        int[] children = new int[16];
        int[] otherCat = new int[CATEGORIES];
        while (levelBegin < out.size) {
            if (levels + 2 > levelStart.length) levelStart = Arrays.copyOf(levelStart, levels * 2 + 2);
            levelStart[levels++] = levelBegin;
            int levelEnd = out.size;
            for (int i = levelBegin; i < levelEnd; i++) {
                if ((i & 1023) == 0) Cancel.check(cancelled);
                int node = out.treeNode[i];
                if (node == OTHER) continue;
                int count = 0;
                for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
                    if (count == children.length) children = Arrays.copyOf(children, count * 2);
                    children[count++] = c;
                }
                if (order == Order.ALPHABETICAL && count > 1) sortByLabel(tree, children, count);
                double cursor = out.x[i];
                int pruned = 0;
                Arrays.fill(otherCat, 0);
                for (int k = 0; k < count; k++) {
                    int c = children[k];
                    double w = tree.total(c) / rootTotal;
                    if (w >= minWidth) {
                        out.add(c, cursor, w, 0, null);
                        cursor += w;
                    } else {
                        pruned++;
                        for (int cat = 0; cat < CATEGORIES; cat++) otherCat[cat] += tree.totalIn(c, cat);
                    }
                }
                if (pruned > 0) {
                    int sum = otherCat[0] + otherCat[1] + otherCat[2] + otherCat[3];
                    out.add(OTHER, cursor, sum / rootTotal, pruned, otherCat);
                }
            }
            levelBegin = levelEnd;
        }
        levelStart[levels] = out.size;
        return new FlameLayout(tree, Arrays.copyOf(out.x, out.size), Arrays.copyOf(out.width, out.size),
            Arrays.copyOf(out.treeNode, out.size), Arrays.copyOf(levelStart, levels + 1),
            Arrays.copyOf(out.otherCount, out.size), Arrays.copyOf(out.otherCat, out.size * CATEGORIES));
    }

    private static void sortByLabel(CallTree tree, int[] children, int count) {
        Keys keys = tree.keys();
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) boxed[i] = children[i];
        Arrays.sort(boxed, (a, b) -> keys.compare(tree.key(a), tree.key(b)));
        for (int i = 0; i < count; i++) children[i] = boxed[i];
    }

    public CallTree tree() { return tree; }
    public int size() { return x.length; }
    /** Number of levels: depths run from 0 to {@code depthCount() - 1}. */
    public int depthCount() { return levelStart.length - 1; }
    /** Nodes of one depth are {@code [levelStart(d), levelStart(d + 1))}, left to right. */
    public int levelStart(int depth) { return levelStart[depth]; }

    public double x(int i) { return x[i]; }
    public double width(int i) { return width[i]; }

    public int depth(int i) {
        int d = Arrays.binarySearch(levelStart, i);
        return d >= 0 ? d : -d - 2;
    }

    /** The call tree node drawn, or {@link #OTHER}. */
    public int treeNode(int i) { return treeNode[i]; }
    public boolean isOther(int i) { return treeNode[i] == OTHER; }
    /** For an "other" node, how many narrow nodes it gathers; else 0. */
    public int otherCount(int i) { return otherCount[i]; }

    public int total(int i) {
        return treeNode[i] == OTHER ? otherTotal(i) : tree.total(treeNode[i]);
    }

    /** Self samples; 0 for "other" nodes, whose gathered nodes' time is all shown as total. */
    public int self(int i) {
        return treeNode[i] == OTHER ? 0 : tree.self(treeNode[i]);
    }

    public int totalIn(int i, int category) {
        return treeNode[i] == OTHER ? otherTotalByCategory[i * CATEGORIES + category] : tree.totalIn(treeNode[i], category);
    }

    public int selfIn(int i, int category) {
        return treeNode[i] == OTHER ? 0 : tree.selfIn(treeNode[i], category);
    }

    public String label(int i) {
        return treeNode[i] == OTHER ? otherCount[i] + " more" : tree.label(treeNode[i]);
    }

    /** The node covering position x (0 to 1) at a depth, or -1: a binary search, for hit-testing the mouse. */
    public int nodeAt(double position, int depth) {
        if (depth < 0 || depth >= depthCount()) return -1;
        int lo = levelStart[depth], hi = levelStart[depth + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] > position) hi = mid - 1;
            else if (x[mid] + width[mid] <= position) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    private int otherTotal(int i) {
        int at = i * CATEGORIES;
        return otherTotalByCategory[at] + otherTotalByCategory[at + 1] + otherTotalByCategory[at + 2] + otherTotalByCategory[at + 3];
    }

    /** Growable columns while laying out. */
    private static final class Builder {
        double[] x;
        double[] width;
        int[] treeNode;
        int[] otherCount;
        int[] otherCat;
        int size;

        Builder(int capacity) {
            x = new double[capacity];
            width = new double[capacity];
            treeNode = new int[capacity];
            otherCount = new int[capacity];
            otherCat = new int[capacity * CATEGORIES];
        }

        void add(int node, double at, double w, int others, int[] cats) {
            if (size == x.length) {
                int n = size * 2;
                x = Arrays.copyOf(x, n);
                width = Arrays.copyOf(width, n);
                treeNode = Arrays.copyOf(treeNode, n);
                otherCount = Arrays.copyOf(otherCount, n);
                otherCat = Arrays.copyOf(otherCat, n * CATEGORIES);
            }
            x[size] = at;
            width[size] = w;
            treeNode[size] = node;
            otherCount[size] = others;
            if (cats != null) System.arraycopy(cats, 0, otherCat, size * CATEGORIES, CATEGORIES);
            size++;
        }
    }
}
