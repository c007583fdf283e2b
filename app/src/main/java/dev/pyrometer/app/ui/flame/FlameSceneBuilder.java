package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.Keys;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Builds a {@link FlameScene} from a call tree: pure and cancellable, meant for a background thread. */
public final class FlameSceneBuilder {
    /** The narrowest rectangle kept in the layout, in pixels at the current zoom. */
    static final double MIN_PIXELS = 1.0;

    private FlameSceneBuilder() {}

    /** Where the zoom path ended up in a tree: the deepest node of the path that still exists. */
    public record ZoomTarget(int treeNode, int resolvedDepth) {}

    /**
     * @param zoomPath  the zoomed-in frame as names from the root's child down; the longest prefix found is used
     * @param widthPx   the canvas width, to prune frames narrower than a pixel
     * @param search    the search text, or blank for none (case-insensitive substring of the label)
     * @param selected  the selected frame, or null
     */
    public static FlameScene build(CallTree tree, List<FrameRef> zoomPath, double widthPx, ColorMode mode,
                                   String search, FrameSelection selected, BooleanSupplier cancelled) {
        return build(tree, zoomPath, widthPx, mode, search, selected, null, cancelled);
    }

    /** The same, for {@code annotations.tree()}, coloured by the annotations in {@link ColorMode#CHANGE}. */
    public static FlameScene build(CallTree tree, List<FrameRef> zoomPath, double widthPx, ColorMode mode,
                                   String search, FrameSelection selected, FrameAnnotations annotations,
                                   BooleanSupplier cancelled) {
        return build(tree, zoomPath, widthPx, mode, FlameLayout.Order.ALPHABETICAL, search, selected, annotations, cancelled);
    }

    /** The same, with siblings in the given order (heaviest first: "left heavy"). */
    public static FlameScene build(CallTree tree, List<FrameRef> zoomPath, double widthPx, ColorMode mode,
                                   FlameLayout.Order order, String search, FrameSelection selected,
                                   FrameAnnotations annotations, BooleanSupplier cancelled) {
        ZoomTarget zoom = resolve(tree, zoomPath);
        double rootTotal = Math.max(1, tree.total(0));
        double zoomWidth = zoom.treeNode() == 0 ? 1 : Math.max(tree.total(zoom.treeNode()) / rootTotal, 1e-12);
        double minWidth = MIN_PIXELS / Math.max(1, widthPx) * zoomWidth;
        FlameLayout layout = FlameLayout.of(tree, minWidth, order, cancelled);
        Cancel.check(cancelled);

        int zoomNode = 0;
        int zoomDepth = 0;
        if (zoom.treeNode() != 0) {
            zoomDepth = tree.depth(zoom.treeNode());
            for (int i = layout.levelStart(zoomDepth); i < layout.levelStart(zoomDepth + 1); i++) {
                if (layout.treeNode(i) == zoom.treeNode()) {
                    zoomNode = i;
                    break;
                }
            }
            if (zoomNode == 0) zoomDepth = 0;
        }

        Keys keys = tree.keys();
        byte[] keyColor = keyColors(tree, mode);
        boolean[] keyMatch = searchKeys(keys, search);
        byte[] colors = new byte[layout.size()];
        boolean[] matches = keyMatch == null ? null : new boolean[layout.size()];
        for (int i = 0; i < layout.size(); i++) {
            if ((i & 4095) == 0) Cancel.check(cancelled);
            int node = layout.treeNode(i);
            if (node == FlameLayout.OTHER) {
                colors[i] = FlamePalette.OTHER;
            } else if (node == 0 && tree.rootKey() < 0) {
                colors[i] = FlamePalette.ROOT;
            } else if (mode == ColorMode.CHANGE && annotations != null) {
                colors[i] = annotations.color(node);
            } else if (mode != ColorMode.CATEGORY) {
                colors[i] = keyColor[node == 0 ? tree.rootKey() : tree.key(node)];
            } else {
                colors[i] = FlamePalette.forCategories(layout.totalIn(i, SampleState.CATEGORY_PYTHON),
                    layout.totalIn(i, SampleState.CATEGORY_NATIVE), layout.totalIn(i, SampleState.CATEGORY_SYSTEM),
                    layout.totalIn(i, SampleState.CATEGORY_IDLE));
            }
            if (matches != null && node > 0) matches[i] = keyMatch[tree.key(node)];
        }
        double share = 0;
        int matchKeys = 0;
        if (keyMatch != null) {
            share = matchedShare(tree, keyMatch);
            boolean[] counted = new boolean[keys.size()];
            for (int n = 1; n < tree.size(); n++) {
                int k = tree.key(n);
                if (keyMatch[k] && !counted[k]) {
                    counted[k] = true;
                    matchKeys++;
                }
            }
        }
        double zoomX = zoomNode == 0 ? 0 : layout.x(zoomNode);
        double zoomW = zoomNode == 0 ? 1 : layout.width(zoomNode);
        FlameNavigation navigation = FlameNavigation.of(layout, zoomNode, keyMatch, cancelled);
        return new FlameScene(layout, zoomNode, zoomX, zoomW, zoomDepth, mode, colors, matches, share, matchKeys,
            selectedKey(keys, selected), shortLabels(keys), annotations, navigation);
    }

    /** Labels without directories: the full path is in the tooltip, the rectangle needs the name. */
    static String[] shortLabels(Keys keys) {
        String[] labels = new String[keys.size()];
        for (int k = 0; k < labels.length; k++) {
            // A process's or thread's frame: its whole label (a command line is no path to shorten).
            if (keys.isRoot(k)) {
                labels[k] = keys.root(k).label();
                continue;
            }
            labels[k] = switch (keys.by()) {
                case MODULE -> keys.module(k);
                case FILE -> baseName(keys.file(k));
                case FUNCTION, LINE -> keys.line(k) > 0
                    ? keys.function(k) + " (" + baseName(keys.file(k)) + ":" + keys.line(k) + ")"
                    : keys.function(k) + " (" + baseName(keys.file(k)) + ")";
            };
        }
        return labels;
    }

    static String baseName(String path) {
        if (path == null) return "?";
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /** Follows the path of names from the root as far as it goes. */
    public static ZoomTarget resolve(CallTree tree, List<FrameRef> path) {
        int node = FrameSelection.resolve(tree, path);
        return new ZoomTarget(node, tree.depth(node));
    }

    /** The tree key of the selection, or -1 when the tree does not have it (another key level, say). */
    public static int selectedKey(Keys keys, FrameSelection selected) {
        return selected == null ? -1 : selected.keyIn(keys);
    }

    private static byte[] keyColors(CallTree tree, ColorMode mode) {
        Keys keys = tree.keys();
        byte[] colors = new byte[keys.size()];
        if (mode == ColorMode.CATEGORY) return colors;
        for (int k = 0; k < keys.size(); k++) {
            colors[k] = keys.isNative(k) ? FlamePalette.forNative(keys.module(k), keys.function(k))
                : FlamePalette.forModule(keys.module(k), keys.function(k));
        }
        return colors;
    }

    /** Per key, whether its label contains the search text; null for no search. */
    static boolean[] searchKeys(Keys keys, String search) {
        if (search == null || search.isBlank()) return null;
        String needle = search.strip().toLowerCase(Locale.ROOT);
        boolean[] match = new boolean[keys.size()];
        for (int k = 0; k < keys.size(); k++) match[k] = keys.ref(k).searchText().toLowerCase(Locale.ROOT).contains(needle);
        return match;
    }

    /** Samples passing through at least one matching node, over all samples: outermost matches only. */
    static double matchedShare(CallTree tree, boolean[] keyMatch) {
        long sum = 0;
        for (int n = 1; n < tree.size(); ) {
            if (keyMatch[tree.key(n)]) {
                sum += tree.total(n);
                n = tree.end(n);
            } else {
                n++;
            }
        }
        return tree.sampleCount() == 0 ? 0 : (double) sum / tree.sampleCount();
    }
}
