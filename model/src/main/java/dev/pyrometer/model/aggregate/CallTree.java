package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleState;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * A call tree as flat columns: top-down (callers above callees) or bottom-up (each function that was on top of a
 * stack, with its callers below it). Node 0 is the root, standing for all selected samples; nodes are in depth-first
 * order with children sorted by total, heaviest first, so node {@code i}'s subtree is {@code [i, end(i))}. Only nodes
 * with at least one sample appear. Immutable; safe to hand from a worker thread to the UI thread.
 *
 * <p>Counts are samples. In a top-down tree {@code self} is the samples whose innermost frame is the node and
 * {@code total} the samples passing through it. In a bottom-up tree {@code total} is the samples whose stack ends
 * with the node's path (read upwards from the top of the stack) and {@code self} those whose whole stack is that path.
 */
public final class CallTree {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    private final Keys keys;
    private final StackCounts counts;
    private final boolean inverted;
    private final int[] parent;
    private final int[] key;
    private final int[] depth;
    private final int[] end;
    private final int[] self;
    private final int[] total;
    private final int[] selfByCategory;
    private final int[] totalByCategory;
    /** The key the root stands for (a {@link Sandwich}'s function), or -1 for "all samples". */
    private final int rootKey;
    /** All samples of the analysis the tree comes from: the denominator of shares. */
    private final int sampleCount;

    private CallTree(Keys keys, StackCounts counts, boolean inverted, int rootKey, int sampleCount, int[] parent,
                     int[] key, int[] depth, int[] end, int[] selfByCategory, int[] totalByCategory) {
        this.keys = keys;
        this.counts = counts;
        this.inverted = inverted;
        this.rootKey = rootKey;
        this.parent = parent;
        this.key = key;
        this.depth = depth;
        this.end = end;
        this.selfByCategory = selfByCategory;
        this.totalByCategory = totalByCategory;
        this.self = sums(selfByCategory);
        this.total = sums(totalByCategory);
        this.sampleCount = sampleCount < 0 ? total[0] : sampleCount;
    }

    /** The top-down tree of the selected samples, keyed by {@code by}, after the transforms. */
    public static CallTree topDown(StackCounts counts, KeyBy by, Transforms transforms, BooleanSupplier cancelled) {
        return topDown(counts, by, transforms, Roots.MERGED, cancelled);
    }

    /**
     * The top-down tree with each stack under the root frames {@code roots} asks for (a process's, a thread's): one
     * more pass over the samples when there are any (see {@link RootFrames}); the same tree as without them when
     * the choice adds none (merged, or by process in a recording of one process).
     */
    public static CallTree topDown(StackCounts counts, KeyBy by, Transforms transforms, Roots roots,
                                   BooleanSupplier cancelled) {
        StackCounts used = transforms.hidesIdle() ? counts.withoutIdle() : counts;
        RootFrames rootFrames = RootFrames.of(used.snapshot(), roots);
        RootedCounts rooted = rootFrames == null ? null : RootedCounts.of(used, rootFrames, cancelled);
        KeyedForest forest = KeyedForest.build(used.snapshot(), by, transforms, rooted, cancelled);
        int n = forest.size + 1;
        int[] selfCat = new int[n * CATEGORIES];
        int[] raw = rooted == null ? used.rawCounts() : rooted.counts;
        int[] nodeOf = rooted == null ? forest.nodeOfStack : forest.nodeOfPair;
        for (int s = 0; s < nodeOf.length; s++) {
            int node = nodeOf[s];
            if (node == KeyedForest.DROP) continue;
            int from = s * CATEGORIES, to = (node + 1) * CATEGORIES;
            for (int c = 0; c < CATEGORIES; c++) selfCat[to + c] += raw[from + c];
        }
        int[] parent = new int[n];
        int[] key = new int[n];
        parent[0] = -1;
        key[0] = -1;
        for (int i = 0; i < forest.size; i++) {
            parent[i + 1] = forest.parent[i] + 1;
            key[i + 1] = forest.key[i];
        }
        int[] totalCat = selfCat.clone();
        for (int i = n - 1; i > 0; i--) {
            int from = i * CATEGORIES, to = parent[i] * CATEGORIES;
            for (int c = 0; c < CATEGORIES; c++) totalCat[to + c] += totalCat[from + c];
        }
        return arrange(forest.keys, used, false, -1, -1, parent, key, selfCat, totalCat, cancelled);
    }

    /** The whole bottom-up (inverted) tree of a top-down tree: same samples, same transforms, read from the top of stack. */
    public static CallTree bottomUp(CallTree topDown, BooleanSupplier cancelled) {
        return bottomUp(topDown, 0, cancelled);
    }

    /**
     * The bottom-up tree without the nodes holding less than {@code minShare} of all samples (their callers are not
     * followed either), for pictures that would not show them: cheap even when the whole tree would be huge. For a
     * table that expands on demand, see {@link CallerTree}.
     */
    public static CallTree bottomUp(CallTree topDown, double minShare, BooleanSupplier cancelled) {
        if (topDown.inverted) throw new IllegalArgumentException("already bottom-up");
        long minTotal = (long) Math.ceil(minShare * topDown.total(0));
        int[] parent = new int[64], key = new int[64];
        int[] selfCat = new int[64 * CATEGORIES], totalCat = new int[64 * CATEGORIES];
        parent[0] = -1;
        key[0] = -1;
        for (int c = 0; c < CATEGORIES; c++) {
            selfCat[c] = topDown.selfIn(0, c);
            totalCat[c] = topDown.totalIn(0, c);
        }
        int size = 1;
        // Breadth first: each pending group becomes a node, and its members move one caller up for its children.
        ArrayDeque<Object[]> pending = new ArrayDeque<>();
        for (CallerGroups.Group g : CallerGroups.ofRoot(topDown)) pending.add(new Object[] {0, g});
        while (!pending.isEmpty()) {
            if ((size & 1023) == 0) Cancel.check(cancelled);
            Object[] next = pending.poll();
            CallerGroups.Group g = (CallerGroups.Group) next[1];
            if (g.total() < Math.max(1, minTotal)) continue;
            if (size == parent.length) {
                parent = Arrays.copyOf(parent, size * 2);
                key = Arrays.copyOf(key, size * 2);
                selfCat = Arrays.copyOf(selfCat, size * 2 * CATEGORIES);
                totalCat = Arrays.copyOf(totalCat, size * 2 * CATEGORIES);
            }
            int node = size++;
            parent[node] = (int) next[0];
            key[node] = g.key();
            System.arraycopy(g.selfByCategory(), 0, selfCat, node * CATEGORIES, CATEGORIES);
            System.arraycopy(g.totalByCategory(), 0, totalCat, node * CATEGORIES, CATEGORIES);
            for (CallerGroups.Group child : CallerGroups.children(topDown, g.origins(), g.at())) pending.add(new Object[] {node, child});
        }
        return arrange(topDown.keys, topDown.counts, true, -1, -1, Arrays.copyOf(parent, size), Arrays.copyOf(key, size),
            Arrays.copyOf(selfCat, size * CATEGORIES), Arrays.copyOf(totalCat, size * CATEGORIES), cancelled);
    }

    /**
     * A tree made elsewhere in this package (a {@link Sandwich}'s halves): nodes in any order with parents before
     * children, node 0 the root; renumbered like every tree.
     *
     * @param rootKey     the key the root stands for, or -1 for "all samples"
     * @param sampleCount the samples shares are taken of
     */
    static CallTree assemble(Keys keys, StackCounts counts, boolean inverted, int rootKey, int sampleCount, int[] parent,
                             int[] key, int[] selfCat, int[] totalCat, BooleanSupplier cancelled) {
        return arrange(keys, counts, inverted, rootKey, sampleCount, parent, key, selfCat, totalCat, cancelled);
    }

    /** Renumbers nodes depth first, children heaviest first, dropping nodes without samples. */
    private static CallTree arrange(Keys keys, StackCounts counts, boolean inverted, int rootKey, int sampleCount,
                                    int[] parent, int[] key, int[] selfCat, int[] totalCat, BooleanSupplier cancelled) {
        int n = parent.length;
        int[] total = sums(totalCat);
        // Children of each node as packed (heaviness, node) longs, so one primitive sort orders them.
        int[] childStart = new int[n + 1];
        for (int i = 1; i < n; i++) if (total[i] > 0) childStart[parent[i] + 1]++;
        for (int i = 0; i < n; i++) childStart[i + 1] += childStart[i];
        long[] children = new long[childStart[n]];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int i = 1; i < n; i++) {
            if (total[i] > 0) children[fill[parent[i]]++] = (long) (Integer.MAX_VALUE - total[i]) << 32 | i;
        }
        for (int i = 0; i < n; i++) {
            if (childStart[i + 1] - childStart[i] > 1) Arrays.sort(children, childStart[i], childStart[i + 1]);
        }
        Cancel.check(cancelled);
        int kept = childStart[n] + 1;
        int[] newParent = new int[kept], newKey = new int[kept], newDepth = new int[kept], newEnd = new int[kept];
        int[] newSelf = new int[kept * CATEGORIES], newTotal = new int[kept * CATEGORIES];
        int[] stack = new int[kept];
        int[] newIndexOf = new int[n];
        int top = 0, next = 0;
        stack[top++] = 0;
        while (top > 0) {
            int old = stack[--top];
            int at = next++;
            newIndexOf[old] = at;
            newParent[at] = old == 0 ? -1 : newIndexOf[parent[old]];
            newKey[at] = key[old];
            newDepth[at] = old == 0 ? 0 : newDepth[newParent[at]] + 1;
            System.arraycopy(selfCat, old * CATEGORIES, newSelf, at * CATEGORIES, CATEGORIES);
            System.arraycopy(totalCat, old * CATEGORIES, newTotal, at * CATEGORIES, CATEGORIES);
            for (int c = childStart[old + 1] - 1; c >= childStart[old]; c--) stack[top++] = (int) children[c];
        }
        // A subtree ends where the next node that is not below it starts: walk back from the end of the order.
        for (int i = kept - 1; i >= 0; i--) newEnd[i] = Math.max(newEnd[i], i + 1);
        for (int i = kept - 1; i > 0; i--) newEnd[newParent[i]] = Math.max(newEnd[newParent[i]], newEnd[i]);
        return new CallTree(keys, counts, inverted, rootKey, sampleCount, newParent, newKey, newDepth, newEnd, newSelf, newTotal);
    }

    private static int[] sums(int[] byCategory) {
        int[] sums = new int[byCategory.length / CATEGORIES];
        for (int i = 0; i < sums.length; i++) {
            int at = i * CATEGORIES;
            sums[i] = byCategory[at] + byCategory[at + 1] + byCategory[at + 2] + byCategory[at + 3];
        }
        return sums;
    }

    public Keys keys() { return keys; }
    public KeyBy keyBy() { return keys.by(); }
    public StackCounts counts() { return counts; }
    public boolean isBottomUp() { return inverted; }

    public int size() { return parent.length; }
    /** The parent node, -1 for the root. */
    public int parent(int node) { return parent[node]; }
    /** The node's key in {@link #keys()}, -1 for the root. */
    public int key(int node) { return key[node]; }
    /** 0 for the root, 1 for its children... */
    public int depth(int node) { return depth[node]; }
    /** One past the last node of the subtree: the subtree is {@code [node, end(node))}. */
    public int end(int node) { return end[node]; }

    public int self(int node) { return self[node]; }
    public int total(int node) { return total[node]; }
    /** Self samples in one {@link SampleState} category. */
    public int selfIn(int node, int category) { return selfByCategory[node * CATEGORIES + category]; }
    public int totalIn(int node, int category) { return totalByCategory[node * CATEGORIES + category]; }

    /** The node's share of all samples in the tree, 0 to 1. */
    public double share(int node) {
        return total[0] == 0 ? 0 : (double) total[node] / total[0];
    }

    /**
     * All samples of the analysis the tree was made from, the denominator of shares: the root's total, except for a
     * {@link Sandwich}'s halves, whose root is one function.
     */
    public int sampleCount() { return sampleCount; }

    /** The key the root stands for: -1 ("all samples") except in a {@link Sandwich}'s halves, where it is the function. */
    public int rootKey() { return rootKey; }

    /** The first child (the heaviest), or -1. */
    public int firstChild(int node) {
        return node + 1 < end[node] ? node + 1 : -1;
    }

    /** The next sibling (the next lighter), or -1. */
    public int nextSibling(int node) {
        if (node == 0) return -1;
        int next = end[node];
        return next < end[parent[node]] ? next : -1;
    }

    public int[] children(int node) {
        int count = 0;
        for (int c = firstChild(node); c >= 0; c = nextSibling(c)) count++;
        int[] children = new int[count];
        count = 0;
        for (int c = firstChild(node); c >= 0; c = nextSibling(c)) children[count++] = c;
        return children;
    }

    /** The child with the given key, or -1. */
    public int child(int node, int childKey) {
        for (int c = firstChild(node); c >= 0; c = nextSibling(c)) if (key[c] == childKey) return c;
        return -1;
    }

    /** Nodes from the root's first child down to this node. */
    public int[] path(int node) {
        int[] path = new int[depth[node]];
        for (int n = node, i = path.length - 1; i >= 0; n = parent[n], i--) path[i] = n;
        return path;
    }

    /** The text of the node; "all" for the root (a sandwich half's root: its function). */
    public String label(int node) {
        if (node == 0) return rootKey >= 0 ? keys.label(rootKey) : "all";
        return keys.label(key[node]);
    }

    /** The node's key as a reference for transforms; null for the root (a sandwich half's root: its function). */
    public FrameRef ref(int node) {
        if (node == 0) return rootKey >= 0 ? keys.ref(rootKey) : null;
        return keys.ref(key[node]);
    }
}
