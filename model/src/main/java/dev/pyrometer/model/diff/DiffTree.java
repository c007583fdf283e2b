package dev.pyrometer.model.diff;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Two top-down call trees merged path by path: a node for every call path seen in either profile, with both sides'
 * values; paths seen in one profile only are {@link Presence#NEW} or {@link Presence#VANISHED}. Nodes are in
 * depth-first order like {@link CallTree} (node 0 is the root, the subtree of {@code i} is {@code [i, end(i))}),
 * children ordered by their combined weight, so a comparison view can lay it out as a flame graph. Immutable.
 */
public final class DiffTree extends DiffValues {
    private final KeyBy keyBy;
    private final int[] parent;
    private final int[] depth;
    private final int[] end;
    private final String[] label;
    private final FrameRef[] ref;
    private final int[] baseNode;
    private final int[] newNode;

    private DiffTree(KeyBy keyBy, Normalization normalization, long baseDen, long newDen, int[] parent, int[] depth, int[] end,
                     String[] label, FrameRef[] ref, int[] baseNode, int[] newNode, int[] baseSelf, int[] baseTotal,
                     int[] newSelf, int[] newTotal) {
        super(normalization, baseDen, newDen, baseSelf, baseTotal, newSelf, newTotal);
        this.keyBy = keyBy;
        this.parent = parent;
        this.depth = depth;
        this.end = end;
        this.label = label;
        this.ref = ref;
        this.baseNode = baseNode;
        this.newNode = newNode;
    }

    /** The merged call paths, frames paired by relative path ({@link MatchBy#RELATIVE_PATH}). */
    public static DiffTree of(CallTree base, CallTree news, Normalization normalization, BooleanSupplier cancelled) {
        return of(base, news, normalization, Pairing.of(base.keys(), news.keys(), MatchBy.RELATIVE_PATH), cancelled);
    }

    /** The merged call paths, frames paired as {@code pairing} says (made from these trees' keys). */
    public static DiffTree of(CallTree base, CallTree news, Normalization normalization, Pairing pairing,
                              BooleanSupplier cancelled) {
        if (base.keyBy() != news.keyBy()) throw new IllegalArgumentException("trees keyed differently: " + base.keyBy() + ", " + news.keyBy());
        if (base.isBottomUp() != news.isBottomUp()) throw new IllegalArgumentException("one tree is bottom-up, the other is not");
        long baseDen = normalization.denominator(base);
        long newDen = normalization.denominator(news);
        Builder out = new Builder();
        // Depth-first: each entry pairs a base node and a new node (-1 when absent) under an output parent.
        List<int[]> stack = new ArrayList<>();
        stack.add(new int[] {0, 0, -1});
        while (!stack.isEmpty()) {
            if ((out.size & 1023) == 0) Cancel.check(cancelled);
            int[] entry = stack.removeLast();
            int b = entry[0], n = entry[1], up = entry[2];
            int at = out.add(up, b >= 0 ? base : news, b >= 0 ? b : n, b, n,
                b >= 0 ? base.self(b) : 0, b >= 0 ? base.total(b) : 0, n >= 0 ? news.self(n) : 0, n >= 0 ? news.total(n) : 0);
            // Pair the children by identity. One parent may have several children of one identity (two lambdas of a
            // file): each new child takes the heaviest base child of its identity that is still unpaired.
            Map<String, ArrayDeque<int[]>> unpaired = new HashMap<>();
            List<int[]> children = new ArrayList<>();
            if (b >= 0) {
                for (int c = base.firstChild(b); c >= 0; c = base.nextSibling(c)) {
                    int[] pair = {c, -1, at};
                    unpaired.computeIfAbsent(pairing.identity(DiffSide.BASE, base.keys(), base.key(c)), k -> new ArrayDeque<>()).add(pair);
                    children.add(pair);
                }
            }
            if (n >= 0) {
                for (int c = news.firstChild(n); c >= 0; c = news.nextSibling(c)) {
                    ArrayDeque<int[]> candidates = unpaired.get(pairing.identity(DiffSide.NEW, news.keys(), news.key(c)));
                    int[] pair = candidates == null ? null : candidates.poll();
                    if (pair != null) {
                        pair[1] = c;
                    } else {
                        children.add(new int[] {-1, c, at});
                    }
                }
            }
            double[] weight = new double[children.size()];
            for (int i = 0; i < weight.length; i++) {
                int[] pair = children.get(i);
                weight[i] = (pair[0] >= 0 && baseDen > 0 ? (double) base.total(pair[0]) / baseDen : 0)
                    + (pair[1] >= 0 && newDen > 0 ? (double) news.total(pair[1]) / newDen : 0);
            }
            // Heaviest first in the output: push the lightest first.
            Integer[] order = new Integer[weight.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (x, y) -> Double.compare(weight[x], weight[y]));
            for (int i : order) stack.add(children.get(i));
        }
        int size = out.size;
        int[] end = new int[size];
        for (int i = size - 1; i >= 0; i--) end[i] = Math.max(end[i], i + 1);
        for (int i = size - 1; i > 0; i--) end[out.parent[i]] = Math.max(end[out.parent[i]], end[i]);
        return new DiffTree(base.keyBy(), normalization, baseDen, newDen, Arrays.copyOf(out.parent, size),
            Arrays.copyOf(out.depth, size), end, Arrays.copyOf(out.label, size), Arrays.copyOf(out.ref, size),
            Arrays.copyOf(out.baseNode, size), Arrays.copyOf(out.newNode, size), Arrays.copyOf(out.baseSelf, size),
            Arrays.copyOf(out.baseTotal, size), Arrays.copyOf(out.newSelf, size), Arrays.copyOf(out.newTotal, size));
    }

    public KeyBy keyBy() { return keyBy; }
    public int parent(int node) { return parent[node]; }
    public int depth(int node) { return depth[node]; }
    public int end(int node) { return end[node]; }
    public String label(int node) { return label[node]; }
    /** The node's key as a reference for transforms; null for the root. */
    public FrameRef ref(int node) { return ref[node]; }
    /** The node of the base tree this path came from, or -1 when the path is {@link Presence#NEW}. */
    public int baseNode(int node) { return baseNode[node]; }
    /** The node of the new tree this path came from, or -1 when the path {@link Presence#VANISHED}. */
    public int newNode(int node) { return newNode[node]; }

    public int firstChild(int node) {
        return node + 1 < end[node] ? node + 1 : -1;
    }

    public int nextSibling(int node) {
        if (node == 0) return -1;
        int next = end[node];
        return next < end[parent[node]] ? next : -1;
    }

    /** Growable columns while merging. */
    private static final class Builder {
        int size;
        int[] parent = new int[256];
        int[] depth = new int[256];
        String[] label = new String[256];
        FrameRef[] ref = new FrameRef[256];
        int[] baseNode = new int[256];
        int[] newNode = new int[256];
        int[] baseSelf = new int[256];
        int[] baseTotal = new int[256];
        int[] newSelf = new int[256];
        int[] newTotal = new int[256];

        int add(int up, CallTree from, int node, int fromBase, int fromNew, int bSelf, int bTotal, int nSelf, int nTotal) {
            if (size == parent.length) {
                int n = size * 2;
                parent = Arrays.copyOf(parent, n);
                depth = Arrays.copyOf(depth, n);
                label = Arrays.copyOf(label, n);
                ref = Arrays.copyOf(ref, n);
                baseNode = Arrays.copyOf(baseNode, n);
                newNode = Arrays.copyOf(newNode, n);
                baseSelf = Arrays.copyOf(baseSelf, n);
                baseTotal = Arrays.copyOf(baseTotal, n);
                newSelf = Arrays.copyOf(newSelf, n);
                newTotal = Arrays.copyOf(newTotal, n);
            }
            parent[size] = up;
            depth[size] = up < 0 ? 0 : depth[up] + 1;
            label[size] = from.label(node);
            ref[size] = from.ref(node);
            baseNode[size] = fromBase;
            newNode[size] = fromNew;
            baseSelf[size] = bSelf;
            baseTotal[size] = bTotal;
            newSelf[size] = nSelf;
            newTotal[size] = nTotal;
            return size++;
        }
    }
}
