package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Keys;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame the user picked in one view, which every other view follows: the flame graph outlines it, the tables
 * select it, the source pane opens its file at its line.
 *
 * @param ref       the frame, function, file or module, by name
 * @param file      the source file as the profile holds it, or null for a module
 * @param function  the function name, or null above function level
 * @param firstLine the function's first line (FUNCTION), or -1
 * @param line      the line (LINE), or -1 when the source pane should pick the hottest line of the function or file
 * @param path      the call path from the root's child down to the picked node when it was picked in a tree, else
 *                  empty: a call tree reveals exactly that node rather than the heaviest occurrence
 */
public record FrameSelection(FrameRef ref, String file, String function, int firstLine, int line, List<FrameRef> path) {

    public FrameSelection {
        path = List.copyOf(path);
    }

    /** The selection for a key of a call tree. */
    public static FrameSelection of(Keys keys, int key) {
        KeyBy by = keys.by();
        String file = keys.file(key);
        String function = keys.function(key);
        int firstLine = by == KeyBy.FUNCTION ? keys.line(key) : by == KeyBy.LINE
            ? keys.profile().frames().firstLine(keys.representativeFrame(key)) : -1;
        int line = by == KeyBy.LINE ? keys.line(key) : -1;
        return new FrameSelection(keys.ref(key), file, function, firstLine, line, List.of());
    }

    /** The selection for a call tree node, with its path; null for the root. */
    public static FrameSelection ofNode(CallTree tree, int node) {
        if (node <= 0) return null;
        FrameSelection plain = of(tree.keys(), tree.key(node));
        List<FrameRef> path = new ArrayList<>();
        for (int n : tree.path(node)) path.add(tree.ref(n));
        return new FrameSelection(plain.ref, plain.file, plain.function, plain.firstLine, plain.line, path);
    }

    /** The node a path of names leads to, as far as it goes in this tree: 0 (the root) when it leads nowhere. */
    public static int resolve(CallTree tree, List<FrameRef> path) {
        int node = 0;
        for (FrameRef ref : path) {
            int next = -1;
            for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
                if (ref.equals(tree.ref(c))) {
                    next = c;
                    break;
                }
            }
            if (next < 0) break;
            node = next;
        }
        return node;
    }

    /** The key of these keys that is this selection (same name, same level), or -1. */
    public int keyIn(Keys keys) {
        if (keys.by() != ref.level()) return -1;
        for (int k = 0; k < keys.size(); k++) if (ref.equals(keys.ref(k))) return k;
        return -1;
    }
}
