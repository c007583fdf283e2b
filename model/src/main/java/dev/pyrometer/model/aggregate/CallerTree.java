package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.SampleState;
import java.util.ArrayList;
import java.util.List;

/**
 * The bottom-up view (what was running, and who called it) of a top-down tree, built a node at a time as a tree view
 * expands it: {@link #children} computes a node's children on first request, in time proportional to the samples'
 * distinct stacks under it. Use it for a bottom-up table; {@link CallTree#bottomUp} builds the whole tree at once,
 * which for many deep distinct stacks means millions of nodes. Node 0 is the root; values mean the same as in a
 * bottom-up {@link CallTree}. Safe to use from several threads.
 */
public final class CallerTree {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    private record Node(int parent, int key, int depth, int[] totalByCategory, int[] selfByCategory, int total, int self,
                        int[] origins, int[] at) {}

    private final CallTree tree;
    private final List<Node> nodes = new ArrayList<>();
    private final List<int[]> children = new ArrayList<>();

    private CallerTree(CallTree tree) {
        this.tree = tree;
    }

    public static CallerTree of(CallTree topDown) {
        if (topDown.isBottomUp()) throw new IllegalArgumentException("already bottom-up");
        CallerTree callers = new CallerTree(topDown);
        int[] total = new int[CATEGORIES], self = new int[CATEGORIES];
        for (int c = 0; c < CATEGORIES; c++) {
            total[c] = topDown.totalIn(0, c);
            self[c] = topDown.selfIn(0, c);
        }
        callers.add(new Node(-1, -1, 0, total, self, topDown.total(0), topDown.self(0), null, null));
        return callers;
    }

    /** The node's children, heaviest first; computed on the first call. */
    public synchronized int[] children(int node) {
        int[] known = children.get(node);
        if (known != null) return known.clone();
        Node n = nodes.get(node);
        List<CallerGroups.Group> groups = node == 0 ? CallerGroups.ofRoot(tree) : CallerGroups.children(tree, n.origins(), n.at());
        int[] ids = new int[groups.size()];
        for (int i = 0; i < ids.length; i++) {
            CallerGroups.Group g = groups.get(i);
            int self = 0;
            for (int s : g.selfByCategory()) self += s;
            ids[i] = add(new Node(node, g.key(), n.depth() + 1, g.totalByCategory(), g.selfByCategory(), g.total(), self,
                g.origins(), g.at()));
        }
        children.set(node, ids);
        return ids.clone();
    }

    private int add(Node node) {
        nodes.add(node);
        children.add(null);
        return nodes.size() - 1;
    }

    public CallTree topDown() { return tree; }
    public Keys keys() { return tree.keys(); }
    /** Nodes created so far. */
    public synchronized int size() { return nodes.size(); }

    public synchronized int parent(int node) { return nodes.get(node).parent(); }
    public synchronized int key(int node) { return nodes.get(node).key(); }
    public synchronized int depth(int node) { return nodes.get(node).depth(); }
    public synchronized int total(int node) { return nodes.get(node).total(); }
    public synchronized int self(int node) { return nodes.get(node).self(); }
    public synchronized int totalIn(int node, int category) { return nodes.get(node).totalByCategory()[category]; }
    public synchronized int selfIn(int node, int category) { return nodes.get(node).selfByCategory()[category]; }

    /** Whether the node has callers to expand (its samples did not all start at it). */
    public synchronized boolean hasChildren(int node) {
        Node n = nodes.get(node);
        return n.total() > n.self();
    }

    public double share(int node) {
        int all = tree.total(0);
        return all == 0 ? 0 : (double) total(node) / all;
    }

    public String label(int node) {
        return node == 0 ? "all" : tree.keys().label(key(node));
    }

    public FrameRef ref(int node) {
        return node == 0 ? null : tree.keys().ref(key(node));
    }
}
