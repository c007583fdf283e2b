package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.LineHeat;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.Transform;
import dev.pyrometer.model.aggregate.Transforms;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a frame of one run in the other, the way the model's diff matches them: functions by file and name, since
 * their first line moves when code above them is edited; lines, files and modules by their name exactly. Zoom paths
 * and selections cross between the two runs' flame graphs through here.
 */
final class Matching {
    private Matching() {}

    /** Whether two references name the same frame across runs. */
    static boolean same(FrameRef a, FrameRef b) {
        if (a == null || b == null) return a == b;
        if (a.level() != b.level()) return false;
        if (a.level() == KeyBy.FUNCTION) return a.file().equals(b.file()) && a.function().equals(b.function());
        return a.equals(b);
    }

    /** The key that {@code ref} names in these keys, or -1. */
    static int keyOf(Keys keys, FrameRef ref) {
        if (ref == null || keys.by() != ref.level()) return -1;
        for (int k = 0; k < keys.size(); k++) if (same(keys.ref(k), ref)) return k;
        return -1;
    }

    /** A path of frames of the other run, in this tree's own references, as far as this tree has it. */
    static List<FrameRef> path(CallTree tree, List<FrameRef> path) {
        List<FrameRef> out = new ArrayList<>(path.size());
        int node = 0;
        for (FrameRef ref : path) {
            int next = -1;
            for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
                if (same(tree.ref(c), ref)) {
                    next = c;
                    break;
                }
            }
            if (next < 0) break;
            out.add(tree.ref(next));
            node = next;
        }
        return List.copyOf(out);
    }

    /**
     * Transforms that mean the same in both runs: a function is named by file and name alone (every first line), as
     * the comparison matches it, so focusing on it in one run focuses on it in the other.
     */
    static Transforms portable(Transforms transforms) {
        List<Transform> out = new ArrayList<>(transforms.list().size());
        for (Transform t : transforms.list()) {
            out.add(switch (t) {
                case Transform.Focus f -> new Transform.Focus(anyFirstLine(f.target()));
                case Transform.Merge m -> new Transform.Merge(anyFirstLine(m.target()));
                case Transform.CollapseRecursion c -> new Transform.CollapseRecursion(anyFirstLine(c.target()));
                default -> t;
            });
        }
        return new Transforms(out);
    }

    private static FrameRef anyFirstLine(FrameRef ref) {
        return ref.level() == KeyBy.FUNCTION && ref.line() >= 0 ? FrameRef.function(ref.file(), ref.function()) : ref;
    }

    /**
     * A selection with its line: for a function, the line where {@code run} spent most of its time in it (the source
     * pane shows the new run, which may not have the function at all, so it cannot find that line itself).
     */
    static FrameSelection atHottestLine(Analysis run, FrameSelection selected) {
        if (selected == null || selected.line() > 0 || selected.function() == null || selected.file() == null) return selected;
        Snapshot snapshot = run.snapshot();
        Profile profile = snapshot.profile();
        FrameTable frames = profile.frames();
        LineHeat heat = LineHeat.of(run.counts(), selected.file(), Cancel.NEVER);
        int best = -1;
        for (int f = 0; f < snapshot.frames(); f++) {
            if (!selected.function().equals(profile.functionName(f)) || !selected.file().equals(profile.fileName(f))) continue;
            int line = frames.line(f);
            if (best < 0 || heat.total(line) > heat.total(best)) best = line;
        }
        if (best <= 0) return selected;
        return new FrameSelection(selected.ref(), selected.file(), selected.function(), selected.firstLine(), best, selected.path());
    }

    /** A selection made in the other run, as this tree names it; unchanged when this run has no such frame. */
    static FrameSelection selection(CallTree tree, FrameSelection selected) {
        if (selected == null) return null;
        int key = keyOf(tree.keys(), selected.ref());
        if (key < 0) return selected;
        FrameSelection own = FrameSelection.of(tree.keys(), key);
        return new FrameSelection(own.ref(), own.file(), own.function(), own.firstLine(), own.line(), path(tree, selected.path()));
    }
}
