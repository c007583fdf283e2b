package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleState;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One function (or line, file, module: a key of a top-down tree) seen from everywhere it runs: its callers as a
 * bottom-up tree and its callees as a top-down tree, each merged over every place it is called from, with its self
 * and total samples split python / native / system / idle.
 *
 * <p>Recursion is counted once: only the outermost call on a stack is an occurrence, so {@code f → g → f → h}
 * adds its samples to {@code f}'s total once, its callers are those of the outer {@code f}, and its callees keep
 * the inner call ({@code f → g → f → h}). The roots of both halves stand for the function ({@link CallTree#rootKey});
 * shares are of all the tree's samples ({@link CallTree#sampleCount}). A callers node's self is what reached it
 * from the start of a stack (as in {@link CallTree#bottomUp}). Immutable; costs one pass over the tree plus, per
 * occurrence, its depth and its subtree.
 */
public final class Sandwich {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    private final CallTree tree;
    private final int key;
    private final CallTree callers;
    private final CallTree callees;
    private final int occurrences;
    private final int[] selfByCategory;

    private Sandwich(CallTree tree, int key, CallTree callers, CallTree callees, int occurrences, int[] selfByCategory) {
        this.tree = tree;
        this.key = key;
        this.callers = callers;
        this.callees = callees;
        this.occurrences = occurrences;
        this.selfByCategory = selfByCategory;
    }

    /** The sandwich of {@code key} (a key of {@code topDown.keys()}); a key that never ran gives empty halves. */
    public static Sandwich of(CallTree topDown, int key, BooleanSupplier cancelled) {
        if (topDown.isBottomUp()) throw new IllegalArgumentException("a sandwich is made from a top-down tree");
        int n = topDown.size();
        Half up = new Half(64);
        Half down = new Half(Math.min(n, 1 << 16));
        int[] selfCat = new int[CATEGORIES];
        int[] downOf = new int[n];
        int occurrences = 0;
        for (int i = 1; i < n; ) {
            if (topDown.key(i) != key) {
                i++;
                continue;
            }
            occurrences++;
            int end = topDown.end(i);
            // Callees: the occurrence's subtree, re-rooted at the function; inner recursive calls stay as they are.
            downOf[i] = 0;
            down.addSelf(0, topDown, i);
            for (int j = i + 1; j < end; j++) {
                if ((j & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
                int node = down.child(downOf[topDown.parent(j)], topDown.key(j));
                downOf[j] = node;
                down.addSelf(node, topDown, j);
            }
            for (int j = i; j < end; j++) {
                if (topDown.key(j) != key) continue;
                for (int c = 0; c < CATEGORIES; c++) selfCat[c] += topDown.selfIn(j, c);
            }
            // Callers: the path from the occurrence up to the start of the stack, read upwards; the occurrence's whole
            // total ends where the path does.
            int at = 0;
            for (int p = topDown.parent(i); p > 0; p = topDown.parent(p)) at = up.child(at, topDown.key(p));
            up.addTotalAsSelf(at, topDown, i);
            if ((occurrences & 255) == 0) Cancel.check(cancelled);
            i = end;
        }
        Cancel.check(cancelled);
        CallTree callers = up.build(topDown, true, key, cancelled);
        CallTree callees = down.build(topDown, false, key, cancelled);
        return new Sandwich(topDown, key, callers, callees, occurrences, selfCat);
    }

    /** The tree the sandwich was cut from. */
    public CallTree tree() { return tree; }
    /** The function's key in {@code tree().keys()}. */
    public int key() { return key; }
    public String label() { return tree.keys().label(key); }
    public FrameRef ref() { return tree.keys().ref(key); }

    /** Who called the function: a bottom-up tree whose root is the function, its callers above it. */
    public CallTree callers() { return callers; }
    /** What the function called: a top-down tree whose root is the function. */
    public CallTree callees() { return callees; }

    /** Samples with the function anywhere on the stack, counted once per sample. */
    public int total() { return callees.total(0); }
    public int totalIn(int category) { return callees.totalIn(0, category); }
    /** Samples with the function on top of the stack (recursive calls included). */
    public int self() { return Arrays.stream(selfByCategory).sum(); }
    public int selfIn(int category) { return selfByCategory[category]; }
    /** All samples of the analysis, the denominator of shares. */
    public int sampleCount() { return tree.sampleCount(); }
    public double totalShare() { return share(total()); }
    public double selfShare() { return share(self()); }
    /** How many outermost calls of the function the call tree has (call paths that reach it). */
    public int occurrences() { return occurrences; }
    /** How many different functions call it directly. */
    public int directCallers() { return callers.children(0).length; }

    private double share(int samples) {
        return sampleCount() == 0 ? 0 : (double) samples / sampleCount();
    }

    /** One half while it is built: nodes interned by (parent, key), node 0 the root, self samples per category. */
    private static final class Half {
        private final TupleInterner nodes;
        private int[] selfCat;

        Half(int expected) {
            nodes = new TupleInterner(expected);
            nodes.intern(-1, -1, 0);
            selfCat = new int[Math.max(16, expected) * CATEGORIES];
        }

        int child(int parent, int key) {
            int node = nodes.intern(parent, key, 0);
            if ((node + 1) * CATEGORIES > selfCat.length) selfCat = Arrays.copyOf(selfCat, selfCat.length * 2);
            return node;
        }

        void addSelf(int node, CallTree from, int fromNode) {
            for (int c = 0; c < CATEGORIES; c++) selfCat[node * CATEGORIES + c] += from.selfIn(fromNode, c);
        }

        void addTotalAsSelf(int node, CallTree from, int fromNode) {
            for (int c = 0; c < CATEGORIES; c++) selfCat[node * CATEGORIES + c] += from.totalIn(fromNode, c);
        }

        CallTree build(CallTree from, boolean inverted, int rootKey, BooleanSupplier cancelled) {
            int n = nodes.size();
            int[] parent = new int[n];
            int[] key = new int[n];
            parent[0] = -1;
            key[0] = -1;
            for (int i = 1; i < n; i++) {
                parent[i] = nodes.first(i);
                key[i] = nodes.second(i);
            }
            int[] self = Arrays.copyOf(selfCat, n * CATEGORIES);
            // Parents come before children, so one backward pass sums every subtree.
            int[] total = self.clone();
            for (int i = n - 1; i > 0; i--) {
                for (int c = 0; c < CATEGORIES; c++) total[parent[i] * CATEGORIES + c] += total[i * CATEGORIES + c];
            }
            return CallTree.assemble(from.keys(), from.counts(), inverted, rootKey, from.sampleCount(), parent, key, self,
                total, cancelled);
        }
    }
}
