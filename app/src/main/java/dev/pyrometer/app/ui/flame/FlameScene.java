package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.aggregate.FlameLayout;

/**
 * Everything the flame graph canvas draws, computed off the UI thread: the layout, the zoomed-in range, a colour per
 * rectangle and which rectangles match the search. Immutable; the canvas only maps it to pixels.
 *
 * @param zoomNode    the layout node shown full width (0: the root)
 * @param zoomX       the zoom node's x, as a fraction of the root
 * @param zoomWidth   the zoom node's width, as a fraction of the root
 * @param zoomDepth   the zoom node's depth; shallower nodes are its ancestors, drawn full width
 * @param colors      per layout node, an index into {@link FlamePalette} for the colour mode
 * @param matches     per layout node, whether it matches the search; null when there is no search
 * @param matchShare  the share of all samples that pass through a match (each sample counted once)
 * @param matchKeys   how many distinct frames match
 * @param selectedKey the tree key of the selected frame, outlined wherever it appears; -1 for none
 * @param keyLabels   per tree key, the short text drawn inside a rectangle ({@code work (main.py:18)})
 * @param annotations what another view lays over the frames (colours for {@link ColorMode#CHANGE}, marks, hover
 *                    notes), or null
 * @param navigation  the hottest frame in view, the search's matches in stepping order, what recursion to collapse
 */
public record FlameScene(FlameLayout layout, int zoomNode, double zoomX, double zoomWidth, int zoomDepth,
                         ColorMode colorMode, byte[] colors, boolean[] matches, double matchShare, int matchKeys,
                         int selectedKey, String[] keyLabels, FrameAnnotations annotations, FlameNavigation navigation) {

    public int size() {
        return layout.size();
    }

    public boolean isMatch(int node) {
        return matches != null && matches[node];
    }

    public boolean hasSearch() {
        return matches != null;
    }

    /** The text drawn inside a layout node. */
    public String shortLabel(int node) {
        int treeNode = layout.treeNode(node);
        if (treeNode < 0) return layout.label(node);
        int key = keyOf(node);
        return key >= 0 ? keyLabels[key] : "all";
    }

    /** The tree key drawn by a layout node, or -1 for the root (unless it stands for a function) and "other" nodes. */
    public int keyOf(int node) {
        int treeNode = layout.treeNode(node);
        if (treeNode == 0) return layout.tree().rootKey();
        return treeNode < 0 ? -1 : layout.tree().key(treeNode);
    }

    /** Whether a layout node is marked by the annotations (drawn hatched). */
    public boolean isMarked(int node) {
        int treeNode = layout.treeNode(node);
        return annotations != null && treeNode > 0 && annotations.marked(treeNode);
    }

    /** The same scene with another frame outlined. */
    public FlameScene withSelectedKey(int key) {
        return new FlameScene(layout, zoomNode, zoomX, zoomWidth, zoomDepth, colorMode, colors, matches, matchShare,
            matchKeys, key, keyLabels, annotations, navigation);
    }
}
