package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.aggregate.CallTree;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * What another view lays over a flame graph, such as a comparison of two runs: the call tree to draw (in place of
 * the analysis's own, so the two always agree), and per tree node a colour for {@link ColorMode#CHANGE}, whether the
 * frame is marked (drawn hatched), and extra lines for the hover card. Immutable; built off the UI thread.
 */
public interface FrameAnnotations {

    /** The tree the annotations describe; the flame graph lays out this tree. */
    CallTree tree();

    /** The colour of a tree node in {@link #palette}, for {@link ColorMode#CHANGE}. */
    byte color(int treeNode);

    /**
     * The colours {@link #color} indexes, for a theme; indexes {@link FlamePalette#OTHER} and {@link FlamePalette#ROOT}
     * colour "other" nodes and the root.
     */
    Color[] palette(boolean dark);

    /** Whether a tree node is drawn hatched (a frame only this run has, say). */
    boolean marked(int treeNode);

    /** Lines the hover card adds for a tree node; empty for none. */
    List<String> notes(int treeNode);
}
