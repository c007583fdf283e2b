package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.SampleState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step that builds bottom-up trees from a top-down one. A bottom-up node stands for a set of top-down nodes that
 * were on top of a stack (the "origins", holding self samples), each seen at some ancestor ("at") whose key is the
 * node's key. Its children group the origins by the key one level further up. Splitting costs time in proportion
 * to the origins, so a view can expand nodes one at a time and a picture can stop at narrow nodes.
 */
final class CallerGroups {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    /** One child: its key, its members, and the samples it covers (total) and ends at the root (self). */
    record Group(int key, int[] origins, int[] at, int[] totalByCategory, int[] selfByCategory) {
        int total() { return Arrays.stream(totalByCategory).sum(); }
    }

    private CallerGroups() {}

    /** The origins of the root: every top-down node with self samples, seen at itself. */
    static List<Group> ofRoot(CallTree tree) {
        int n = 0;
        for (int i = 1; i < tree.size(); i++) if (tree.self(i) > 0) n++;
        int[] origins = new int[n];
        for (int i = 1, k = 0; i < tree.size(); i++) if (tree.self(i) > 0) origins[k++] = i;
        return split(tree, origins, origins, true);
    }

    /** Children of a bottom-up node with these members: each member moved one caller up (members at the root end). */
    static List<Group> children(CallTree tree, int[] origins, int[] at) {
        return split(tree, origins, at, false);
    }

    private static List<Group> split(CallTree tree, int[] origins, int[] at, boolean stay) {
        Map<Integer, Builder> groups = new LinkedHashMap<>();
        for (int m = 0; m < origins.length; m++) {
            int next = stay ? at[m] : tree.parent(at[m]);
            if (next <= 0) continue;
            int origin = origins[m];
            Builder g = groups.computeIfAbsent(tree.key(next), k -> new Builder());
            g.add(origin, next);
            boolean endsHere = tree.parent(next) == 0;
            for (int c = 0; c < CATEGORIES; c++) {
                int self = tree.selfIn(origin, c);
                g.total[c] += self;
                if (endsHere) g.self[c] += self;
            }
        }
        List<Group> out = new ArrayList<>(groups.size());
        groups.forEach((key, g) -> out.add(new Group(key, Arrays.copyOf(g.origins, g.size), Arrays.copyOf(g.at, g.size), g.total, g.self)));
        out.sort((a, b) -> Integer.compare(b.total(), a.total()));
        return out;
    }

    private static final class Builder {
        int[] origins = new int[4];
        int[] at = new int[4];
        int size;
        final int[] total = new int[CATEGORIES];
        final int[] self = new int[CATEGORIES];

        void add(int origin, int node) {
            if (size == origins.length) {
                origins = Arrays.copyOf(origins, size * 2);
                at = Arrays.copyOf(at, size * 2);
            }
            origins[size] = origin;
            at[size++] = node;
        }
    }
}
