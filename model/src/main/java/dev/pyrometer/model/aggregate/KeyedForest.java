package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.StackTable;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The profile's stack tree after the view's transforms and key strategy: a forest of (parent, key) nodes, parent ids
 * below child ids, and the node each stack of the snapshot lands on. Built in one forward pass over the stack table
 * per transform (a stack's node depends only on its parent's node and its own frame), so its cost grows with the
 * number of distinct stacks, never with the number of samples.
 */
final class KeyedForest {
    /** A stack whose samples the transforms leave out. */
    static final int DROP = -2;
    private static final int ROOT = StackTable.EMPTY;
    /** Up to this many (root node, frame node) copies are looked up in a dense table (16 MB) rather than a hash. */
    private static final long DENSE_COPIES = 1 << 22;

    final Keys keys;
    final int[] parent;
    final int[] key;
    final int size;
    /** Indexed by stack + 1: the node, {@link #ROOT} (-1) for the root itself, or {@link #DROP}. */
    final int[] nodeOfStack;
    /** For a forest with root frames: the node of each (root frame, stack) pair of its {@link RootedCounts}, else null. */
    final int[] nodeOfPair;

    private KeyedForest(Keys keys, int[] parent, int[] key, int size, int[] nodeOfStack, int[] nodeOfPair) {
        this.keys = keys;
        this.parent = parent;
        this.key = key;
        this.size = size;
        this.nodeOfStack = nodeOfStack;
        this.nodeOfPair = nodeOfPair;
    }

    static KeyedForest build(Snapshot snapshot, KeyBy by, Transforms transforms, BooleanSupplier cancelled) {
        return build(snapshot, by, transforms, null, cancelled);
    }

    /**
     * The forest of the snapshot's stacks, or with {@code rooted} of its (root frame, stack) pairs: each pair's stack
     * under its root frames. Transforms of frames run on the stacks first, transforms of root frames (focus on a
     * process, merge a thread into its process) on the root frames; then the two are joined and keyed. Without root
     * frames, transforms of root frames are left out (they name nothing).
     */
    static KeyedForest build(Snapshot snapshot, KeyBy by, Transforms transforms, RootedCounts rooted,
                             BooleanSupplier cancelled) {
        Profile profile = snapshot.profile();
        StackTable stacks = profile.stacks();
        int n = snapshot.stacks();
        int[] parent = new int[n];
        int[] frame = new int[n];
        int[] nodeOfStack = new int[n + 1];
        nodeOfStack[0] = ROOT;
        for (int s = 0; s < n; s++) {
            parent[s] = stacks.parent(s);
            frame[s] = stacks.frame(s);
            nodeOfStack[s + 1] = s;
        }
        Layer layer = new Layer(parent, frame, n);
        Keys functions = null;
        for (Transform transform : transforms.list()) {
            if (transform instanceof Transform.HideIdle || RootFrames.isRootRef(target(transform))) continue;
            boolean[] matches = switch (transform) {
                case Transform.Focus f -> matching(snapshot, f.target());
                case Transform.Merge m -> matching(snapshot, m.target());
                case Transform.CollapseRecursion r -> matching(snapshot, r.target());
                default -> null;
            };
            if (transform instanceof Transform.CollapseDirectRecursion && functions == null) {
                functions = Keys.of(snapshot, KeyBy.FUNCTION);
            }
            Layer next = apply(transform, layer, matches, functions, cancelled);
            for (int s = 0; s <= n; s++) {
                int node = nodeOfStack[s];
                nodeOfStack[s] = node == DROP ? DROP : node == ROOT ? next.rootMapsTo : next.map[node];
            }
            layer = next;
        }
        if (rooted != null) return rooted(snapshot, by, transforms, rooted, layer, nodeOfStack, cancelled);
        Keys keys = Keys.of(snapshot, by);
        Layer keyed = keyLayer(layer, keys, cancelled);
        for (int s = 0; s <= n; s++) {
            int node = nodeOfStack[s];
            nodeOfStack[s] = node < 0 ? node : keyed.map[node];
        }
        return new KeyedForest(keys, keyed.parent, keyed.label, keyed.size, nodeOfStack, null);
    }

    /** The transform's frame, or null for transforms of no one frame. */
    private static FrameRef target(Transform transform) {
        return switch (transform) {
            case Transform.Focus f -> f.target();
            case Transform.Merge m -> m.target();
            case Transform.CollapseRecursion r -> r.target();
            default -> null;
        };
    }

    /**
     * Joins the root frames (after their own transforms) and the transformed stacks: a pair's node is its stack's
     * path copied under its root frame's node. Root frame {@code i} is frame {@code snapshot.frames() + i}.
     */
    private static KeyedForest rooted(Snapshot snapshot, KeyBy by, Transforms transforms, RootedCounts rooted,
                                      Layer unkeyed, int[] nodeOfStack, BooleanSupplier cancelled) {
        RootFrames roots = rooted.roots;
        // Keying commutes with the join (a root frame is a key of its own, above every frame): key the stacks' layer
        // once, then copy keyed paths under the root frames.
        Keys keys = Keys.of(snapshot, by).withRoots(roots);
        Layer frames = keyLayer(unkeyed, keys, cancelled);
        int firstRoot = snapshot.frames();
        int r = roots.size();
        int[] rootParent = new int[r], rootLabel = new int[r];
        int[] rootNode = new int[r];
        for (int i = 0; i < r; i++) {
            rootParent[i] = roots.frame(i).parent() < 0 ? ROOT : roots.frame(i).parent();
            rootLabel[i] = firstRoot + i;
            rootNode[i] = i;
        }
        Layer rootLayer = new Layer(rootParent, rootLabel, r);
        int noRootMapsTo = ROOT;
        for (Transform transform : transforms.list()) {
            FrameRef target = target(transform);
            if (!RootFrames.isRootRef(target) || transform instanceof Transform.CollapseRecursion) continue;
            boolean[] matches = new boolean[firstRoot + r];
            for (int i = 0; i < r; i++) matches[firstRoot + i] = roots.matches(i, target);
            Layer next = apply(transform, rootLayer, matches, null, cancelled);
            for (int i = 0; i < r; i++) {
                int node = rootNode[i];
                rootNode[i] = node == DROP ? DROP : node == ROOT ? next.rootMapsTo : next.map[node];
            }
            noRootMapsTo = noRootMapsTo == DROP ? DROP : next.rootMapsTo;
            rootLayer = next;
        }
        // The joined tree: the root layer's nodes first (parents before children), then each pair's path below them.
        // Every node is new (a frame node copied under one root node once), so no interning: plain growing arrays.
        int[] parent = new int[Math.max(16, rootLayer.size + frames.size)];
        int[] label = new int[parent.length];
        int size = 0;
        int[] joinedRoot = new int[rootLayer.size];
        for (int i = 0; i < rootLayer.size; i++) {
            int p = rootLayer.parent[i];
            parent[size] = p == ROOT ? ROOT : joinedRoot[p];
            label[size] = keys.keyOf(rootLayer.label[i]);
            joinedRoot[i] = size++;
        }
        // Per root node (and the root), the copy of each frame-layer node under it: dense while that is small.
        int tops = rootLayer.size + 1;
        boolean dense = (long) tops * frames.size <= DENSE_COPIES;
        int[] denseCopy = dense ? new int[tops * frames.size] : null;
        if (dense) Arrays.fill(denseCopy, -1);
        TupleInterner copies = dense ? null : new TupleInterner(frames.size);
        int[] copyNode = dense ? null : new int[Math.max(16, frames.size)];
        int[] pending = new int[64];
        int[] nodeOfPair = new int[rooted.size];
        for (int pair = 0; pair < rooted.size; pair++) {
            if ((pair & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            int leaf = rooted.leaf[pair];
            int top = leaf < 0 ? noRootMapsTo : rootNode[leaf];
            int frameNode = nodeOfStack[rooted.stack[pair] + 1];
            if (frameNode >= 0) frameNode = frames.map[frameNode];
            if (top == DROP || frameNode == DROP) {
                nodeOfPair[pair] = DROP;
                continue;
            }
            int above = top == ROOT ? ROOT : joinedRoot[top];
            int row = (top == ROOT ? 0 : top + 1) * frames.size;
            // The frame node's path, innermost first, up to the root or to a node already copied under `above`.
            int count = 0, joined = above;
            for (int f = frameNode; f != ROOT; f = frames.parent[f]) {
                int known;
                if (dense) {
                    known = denseCopy[row + f];
                } else {
                    int before = copies.size();
                    int id = copies.intern(above, f, 0);
                    if (id == copyNode.length) copyNode = Arrays.copyOf(copyNode, id * 2);
                    if (id >= before) copyNode[id] = -1;
                    known = copyNode[id];
                }
                if (known >= 0) {
                    joined = known;
                    break;
                }
                if (count == pending.length) pending = Arrays.copyOf(pending, count * 2);
                pending[count++] = f;
            }
            for (int i = count - 1; i >= 0; i--) {
                int f = pending[i];
                if (size == parent.length) {
                    parent = Arrays.copyOf(parent, size * 2);
                    label = Arrays.copyOf(label, size * 2);
                }
                parent[size] = joined;
                label[size] = frames.label[f];
                joined = size++;
                if (dense) denseCopy[row + f] = joined;
                else copyNode[copies.intern(above, f, 0)] = joined;
            }
            nodeOfPair[pair] = joined;
        }
        return new KeyedForest(keys, parent, label, size, null, nodeOfPair);
    }

    /**
     * One tree level of the pipeline: node i has {@code parent[i]} and {@code label[i]} (a frame, or a key after the
     * last step); {@code map} sends the previous level's nodes here.
     */
    private record Layer(int[] parent, int[] label, int size, int[] map, int rootMapsTo) {
        Layer(int[] parent, int[] label, int size) {
            this(parent, label, size, null, ROOT);
        }

        static Layer of(TupleInterner tree, int[] map, int rootMapsTo) {
            int n = tree.size();
            int[] parent = new int[n];
            int[] label = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = tree.first(i);
                label[i] = tree.second(i);
            }
            return new Layer(parent, label, n, map, rootMapsTo);
        }
    }

    private static Layer apply(Transform transform, Layer in, boolean[] matches, Keys functions, BooleanSupplier cancelled) {
        TupleInterner tree = new TupleInterner(in.size);
        int[] out = new int[in.size];
        int rootOut = transform instanceof Transform.Focus ? DROP : ROOT;
        // For recursion: the nearest node on each output node's path (itself included) whose frame matches.
        int[] nearest = transform instanceof Transform.CollapseRecursion ? new int[Math.max(16, in.size)] : null;
        for (int i = 0; i < in.size; i++) {
            if ((i & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            int p = in.parent[i];
            int op = p == ROOT ? rootOut : out[p];
            int f = in.label[i];
            int node;
            switch (transform) {
                case Transform.Focus ignored -> node = op == DROP ? (matches[f] ? tree.intern(ROOT, f, 0) : DROP) : tree.intern(op, f, 0);
                case Transform.Merge ignored -> node = matches[f] ? op : tree.intern(op, f, 0);
                case Transform.CollapseRecursion ignored -> {
                    int outer = matches[f] && op >= 0 ? nearest[op] : -1;
                    int before = tree.size();
                    node = outer >= 0 ? tree.intern(tree.first(outer), f, 0) : tree.intern(op, f, 0);
                    if (tree.size() > before) {
                        if (node == nearest.length) nearest = Arrays.copyOf(nearest, node * 2);
                        int up = tree.first(node);
                        nearest[node] = matches[f] ? node : up >= 0 ? nearest[up] : -1;
                    }
                }
                case Transform.CollapseDirectRecursion ignored -> {
                    boolean recursive = op >= 0 && functions.keyOf(tree.second(op)) == functions.keyOf(f);
                    node = recursive ? tree.intern(tree.first(op), f, 0) : tree.intern(op, f, 0);
                }
                case Transform.HideIdle ignored -> throw new IllegalStateException("hide idle is not a tree transform");
            }
            out[i] = node;
        }
        return Layer.of(tree, out, rootOut);
    }

    private static Layer keyLayer(Layer in, Keys keys, BooleanSupplier cancelled) {
        TupleInterner tree = new TupleInterner(in.size);
        int[] out = new int[in.size];
        boolean mergeRuns = keys.by().mergesConsecutive();
        for (int i = 0; i < in.size; i++) {
            if ((i & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            int p = in.parent[i];
            int op = p == ROOT ? ROOT : out[p];
            int k = keys.keyOf(in.label[i]);
            out[i] = mergeRuns && op >= 0 && tree.second(op) == k ? op : tree.intern(op, k, 0);
        }
        return Layer.of(tree, out, ROOT);
    }

    /** Which of the snapshot's frames a reference covers. */
    static boolean[] matching(Snapshot snapshot, FrameRef ref) {
        Profile profile = snapshot.profile();
        FrameTable frames = profile.frames();
        int n = snapshot.frames();
        boolean[] matches = new boolean[n];
        String[] moduleOfFile = ref.level() == KeyBy.MODULE ? new String[snapshot.strings()] : null;
        for (int f = 0; f < n; f++) {
            String module = null;
            if (moduleOfFile != null) {
                int file = frames.file(f);
                if (moduleOfFile[file] == null) moduleOfFile[file] = Modules.of(profile.strings().get(file));
                module = moduleOfFile[file];
            }
            matches[f] = ref.matches(profile.fileName(f), profile.functionName(f), frames.line(f), frames.firstLine(f), module);
        }
        return matches;
    }
}
