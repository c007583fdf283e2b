package dev.pyrometer.app.ui.sandwich;

import dev.pyrometer.app.ui.flame.ColorMode;
import dev.pyrometer.app.ui.flame.FlamePalette;
import dev.pyrometer.app.ui.flame.FrameAnnotations;
import dev.pyrometer.model.aggregate.CallTree;
import java.util.List;
import javafx.scene.paint.Color;

/** A tree to draw with nothing laid over it: a sandwich half outside a comparison, coloured by module or category. */
final class PlainAnnotations implements FrameAnnotations {
    private final CallTree tree;

    PlainAnnotations(CallTree tree) {
        this.tree = tree;
    }

    @Override
    public CallTree tree() {
        return tree;
    }

    @Override
    public byte color(int treeNode) {
        return FlamePalette.ROOT;
    }

    @Override
    public Color[] palette(boolean dark) {
        return FlamePalette.colors(ColorMode.MODULE, dark);
    }

    @Override
    public boolean marked(int treeNode) {
        return false;
    }

    @Override
    public List<String> notes(int treeNode) {
        return List.of();
    }
}
