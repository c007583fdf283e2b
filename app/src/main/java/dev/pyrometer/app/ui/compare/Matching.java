package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.LineHeat;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.Transform;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.diff.Pairing;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a frame of one run in the other, the way the comparison pairs them ({@link Pairing}: by the file's path
 * relative to each run's roots and the function's name, by default); within one run, functions by file and name,
 * since their first line moves when code above them is edited. Zoom paths, selections and transforms cross between
 * the two runs through here.
 */
final class Matching {
    private Matching() {}

    /** Whether two references of one run name the same frame (a function in any of its first lines). */
    static boolean same(FrameRef a, FrameRef b) {
        if (a == null || b == null) return a == b;
        if (a.level() != b.level()) return false;
        if (a.level() == KeyBy.FUNCTION) return a.file().equals(b.file()) && a.function().equals(b.function());
        return a.equals(b);
    }

    /** Whether {@code a} of run {@code aSide} and {@code b} of run {@code bSide} name the same frame. */
    static boolean same(Pairing pairing, Side aSide, FrameRef a, Side bSide, FrameRef b) {
        if (aSide == bSide || pairing == null) return same(a, b);
        return pairing.same(aSide.run(), a, b);
    }

    /** The key that {@code ref}, a frame of the same run, names in these keys, or -1. */
    static int keyOf(Keys keys, FrameRef ref) {
        if (ref == null || keys.by() != ref.level()) return -1;
        for (int k = 0; k < keys.size(); k++) if (same(keys.ref(k), ref)) return k;
        return -1;
    }

    /** The key of run {@code keysSide} that {@code ref}, a frame of run {@code refSide}, is paired with, or -1. */
    static int keyOf(Pairing pairing, Side keysSide, Keys keys, Side refSide, FrameRef ref) {
        if (ref == null || keys.by() != ref.level()) return -1;
        for (int k = 0; k < keys.size(); k++) if (same(pairing, keysSide, keys.ref(k), refSide, ref)) return k;
        return -1;
    }

    /** A path of frames of run {@code pathSide}, in the references of {@code tree} (run {@code treeSide}), as far as it has it. */
    static List<FrameRef> path(Pairing pairing, Side treeSide, CallTree tree, Side pathSide, List<FrameRef> path) {
        List<FrameRef> out = new ArrayList<>(path.size());
        int node = 0;
        for (FrameRef ref : path) {
            int next = -1;
            for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
                if (same(pairing, treeSide, tree.ref(c), pathSide, ref)) {
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

    /**
     * Transforms as run {@code side} names its files: a target in a file of the other run is moved to the file paired
     * with it (the checkout's {@code app.py} for the other checkout's), so a focus made in either run applies to both.
     */
    static Transforms onSide(Pairing pairing, Transforms transforms, Side side) {
        List<Transform> out = new ArrayList<>(transforms.list().size());
        for (Transform t : transforms.list()) {
            out.add(switch (t) {
                case Transform.Focus f -> new Transform.Focus(onSide(pairing, f.target(), side));
                case Transform.Merge m -> new Transform.Merge(onSide(pairing, m.target(), side));
                case Transform.CollapseRecursion c -> new Transform.CollapseRecursion(onSide(pairing, c.target(), side));
                default -> t;
            });
        }
        return new Transforms(out);
    }

    private static FrameRef onSide(Pairing pairing, FrameRef ref, Side side) {
        if (ref.file() == null || pairing.has(side.run(), ref.file())) return ref;
        String partner = pairing.partner(side.other().run(), ref.file());
        return partner == null ? ref : new FrameRef(ref.level(), ref.module(), partner, ref.function(), ref.line());
    }

    private static FrameRef anyFirstLine(FrameRef ref) {
        return ref.level() == KeyBy.FUNCTION && ref.line() >= 0 ? FrameRef.function(ref.file(), ref.function()) : ref;
    }

    /** A frame's label with its file as the comparison names it (relative to its run's roots). */
    static String label(Pairing pairing, Side side, FrameRef ref) {
        if (ref.file() == null || ref.file().isEmpty()) return ref.label();
        return new FrameRef(ref.level(), ref.module(), pairing.display(side.run(), ref.file()), ref.function(), ref.line()).label();
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

    /**
     * A selection made in run {@code from}, as {@code tree} (run {@code to}) names it; unchanged when that run has no
     * such frame.
     */
    static FrameSelection selection(Pairing pairing, Side to, CallTree tree, Side from, FrameSelection selected) {
        if (selected == null) return null;
        int key = keyOf(pairing, to, tree.keys(), from, selected.ref());
        if (key < 0) return selected;
        FrameSelection own = FrameSelection.of(tree.keys(), key);
        return new FrameSelection(own.ref(), own.file(), own.function(), own.firstLine(), own.line(),
            path(pairing, to, tree, from, selected.path()));
    }
}
