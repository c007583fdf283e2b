package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.Keys;
import java.util.List;

/**
 * What the tooltip says about the frame under the mouse: the function, where it is, its samples, self and total
 * shares, and how its time splits between Python, native code, the kernel and waiting.
 *
 * @param split python / native / system / idle, each as a share of the frame's total samples
 * @param notes lines the scene's annotations add (a comparison's base, new and change), or empty
 */
public record HoverInfo(String title, String location, int samples, int self, double totalShare, double selfShare,
                        double[] split, List<String> notes) {

    public static HoverInfo of(FlameScene scene, int node) {
        FlameLayout layout = scene.layout();
        CallTree tree = layout.tree();
        int all = Math.max(1, tree.sampleCount());
        int total = layout.total(node);
        int self = layout.self(node);
        double[] split = new double[SampleState.CATEGORY_COUNT];
        for (int c = 0; c < split.length; c++) split[c] = total == 0 ? 0 : (double) layout.totalIn(node, c) / total;
        int treeNode = layout.treeNode(node);
        String title;
        String location;
        List<String> rootLines = List.of();
        Keys rootKeys = tree.keys();
        int rootKey = treeNode > 0 ? tree.key(treeNode) : treeNode == 0 ? tree.rootKey() : -1;
        if (rootKey >= 0 && rootKeys.isRoot(rootKey)) {
            // A process's or thread's tower: who it is, since the frame is no code.
            var root = rootKeys.root(rootKey);
            title = root.label();
            location = root.isProcess() ? "every sample of this process" : "every sample of this thread";
            rootLines = root.describe(rootKeys.profile());
        } else if (treeNode == FlameLayout.OTHER) {
            title = layout.otherCount(node) + " narrow frames";
            location = "gathered here: each is narrower than a pixel at this zoom";
        } else if (treeNode == 0 && tree.rootKey() < 0) {
            title = "All samples";
            location = Formats.count(total, "sample") + " in the selection";
        } else {
            Keys keys = tree.keys();
            int key = treeNode == 0 ? tree.rootKey() : tree.key(treeNode);
            title = switch (keys.by()) {
                case MODULE -> keys.module(key);
                case FILE -> FlameSceneBuilder.baseName(keys.file(key));
                case FUNCTION, LINE -> keys.function(key);
            };
            location = keys.isNative(key) ? switch (keys.by()) {
                case MODULE -> "native library";
                case FILE -> "native library " + keys.file(key);
                case FUNCTION, LINE -> "native code in " + keys.file(key);
            } : switch (keys.by()) {
                case MODULE -> "module or package";
                case FILE -> keys.file(key);
                case FUNCTION -> "defined at " + keys.file(key) + (keys.line(key) > 0 ? ":" + keys.line(key) : "");
                case LINE -> keys.file(key) + ":" + keys.line(key);
            };
        }
        List<String> notes = scene.annotations() == null || treeNode == FlameLayout.OTHER
            ? rootLines : scene.annotations().notes(treeNode);
        return new HoverInfo(title, location, total, self, (double) total / all, (double) self / all, split, notes);
    }

    /** One line of the split for the tooltip: {@code python 82% · native 12% · system 6% · idle 0%}. */
    public String splitText() {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < split.length; c++) {
            if (c > 0) text.append("  ·  ");
            text.append(SampleState.categoryName(c)).append(' ').append(Formats.percent(split[c]));
        }
        return text.toString();
    }

    public String samplesText() {
        return Formats.count(samples, "sample") + "  ·  total " + Formats.percent(totalShare)
            + "  ·  self " + Formats.percent(selfShare) + " (" + Formats.count(self) + ")";
    }
}
