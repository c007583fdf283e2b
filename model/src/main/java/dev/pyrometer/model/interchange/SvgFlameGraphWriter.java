package dev.pyrometer.model.interchange;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * An SVG flame graph for sharing: root at the bottom, callees above, siblings in alphabetical order, frames narrower
 * than a pixel gathered as in the app. Colours tell where time went: warm for Python code, blue for native calls,
 * purple for the kernel, grey for idle. Interactive in a browser as flamegraph.pl's are (an embedded script): click
 * to zoom, Search (Ctrl+F) to highlight matches with their share, hover for details; still a plain picture, with a
 * tooltip per frame, where scripts do not run. Self-contained: nothing is fetched.
 */
public final class SvgFlameGraphWriter {
    private static final int WIDTH = 1200;
    private static final int ROW = 16;
    private static final int TOP = 48;
    private static final int PAD = 10;
    /** Room under the frames for the details line and the search's share. */
    private static final int BOTTOM = 22;
    private static final double CHAR_WIDTH = 6.6;

    private SvgFlameGraphWriter() {}

    /** Returns the number of samples drawn. */
    public static long write(Profile profile, Selection selection, KeyBy keyBy, String title, Writer out) throws IOException {
        return write(profile, selection, keyBy, Roots.MERGED, title, out);
    }

    /** With each stack under the root frames {@code roots} asks for: a tower per process or thread. */
    public static long write(Profile profile, Selection selection, KeyBy keyBy, Roots roots, String title, Writer out)
            throws IOException {
        StackCounts counts = StackCounts.of(profile, selection, Cancel.NEVER);
        CallTree tree = CallTree.topDown(counts, keyBy, Transforms.NONE, roots, Cancel.NEVER);
        double usable = WIDTH - 2 * PAD;
        FlameLayout flame = FlameLayout.of(tree, 1.0 / usable, FlameLayout.Order.ALPHABETICAL, Cancel.NEVER);
        int height = TOP + flame.depthCount() * ROW + PAD + BOTTOM;
        double total = Math.max(1, tree.total(0));
        out.write(String.format(Locale.ROOT,
            "<?xml version=\"1.0\" standalone=\"no\"?>\n<svg version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "data-pad=\"%d\" data-usable=\"%.2f\" data-char-width=\"%.2f\" xmlns=\"http://www.w3.org/2000/svg\">\n"
                + "<style>text { font-family: Verdana, sans-serif; font-size: 11px; fill: #000; } .title { font-size: 16px; }"
                + " .note { font-size: 11px; fill: #555; } .button { fill: #2a5db0; cursor: pointer; } .button:hover { text-decoration: underline; }"
                + " g.f { cursor: pointer; } g.f:hover rect { stroke: #000; stroke-width: 0.8; } .hide { display: none; }"
                + " .parent { opacity: 0.55; }</style>\n"
                + "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#f8f8f8\"/>\n"
                + "<text class=\"title\" x=\"%d\" y=\"22\" text-anchor=\"middle\">%s</text>\n"
                + "<text class=\"note\" x=\"%d\" y=\"38\" text-anchor=\"middle\">%,d samples · python, native, system, idle"
                + " · click to zoom, Ctrl+F to search</text>\n"
                + "<text id=\"reset\" class=\"button\" x=\"%d\" y=\"22\" style=\"display:none\">Reset Zoom</text>\n"
                + "<text id=\"search\" class=\"button\" x=\"%d\" y=\"22\" text-anchor=\"end\">Search</text>\n"
                + "<text id=\"details\" x=\"%d\" y=\"%d\"> </text>\n"
                + "<text id=\"matched\" x=\"%d\" y=\"%d\" text-anchor=\"end\"> </text>\n",
            WIDTH, height, WIDTH, height, PAD, usable, CHAR_WIDTH, WIDTH, height, WIDTH / 2, escape(title), WIDTH / 2,
            tree.total(0), PAD, WIDTH - PAD, PAD, height - 8, WIDTH - PAD, height - 8));
        for (int i = 0; i < flame.size(); i++) {
            double x = PAD + flame.x(i) * usable;
            double w = flame.width(i) * usable;
            if (w < 0.5) continue;
            double y = height - PAD - BOTTOM - (flame.depth(i) + 1) * ROW;
            String label = flame.label(i);
            out.write(String.format(Locale.ROOT, "<g class=\"f\" data-label=\"%s\"><title>%s</title><rect x=\"%.2f\" y=\"%.1f\" "
                    + "width=\"%.2f\" height=\"%d\" fill=\"%s\" rx=\"2\" ry=\"2\"/>", escape(label),
                escape(tooltip(flame, i, total)), x, y, Math.max(0.1, w - 0.5), ROW - 1, colour(flame, i)));
            int chars = (int) ((w - 6) / CHAR_WIDTH);
            if (chars >= 3) {
                String shown = label.length() <= chars ? label : cut(label, chars - 2) + "..";
                out.write(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.1f\">%s</text>", x + 3, y + ROW - 4.5, escape(shown)));
            }
            out.write("</g>\n");
        }
        out.write("<script type=\"text/ecmascript\"><![CDATA[\n");
        out.write(script("flamegraph-svg.js"));
        out.write("]]></script>\n</svg>\n");
        out.flush();
        return tree.total(0);
    }

    /** A script shipped beside this class, to embed. */
    static String script(String name) throws IOException {
        try (java.io.InputStream in = SvgFlameGraphWriter.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The first {@code length} chars of a label, one fewer when the cut would split a character in two. */
    private static String cut(String label, int length) {
        return label.substring(0, Character.isHighSurrogate(label.charAt(length - 1)) ? length - 1 : length);
    }

    private static String tooltip(FlameLayout flame, int i, double total) {
        StringBuilder tip = new StringBuilder(flame.label(i));
        tip.append(String.format(Locale.ROOT, " — %,d samples (%.2f%%)", flame.total(i), 100 * flame.total(i) / total));
        if (!flame.isOther(i)) tip.append(String.format(Locale.ROOT, ", self %,d", flame.self(i)));
        int node = flame.treeNode(i);
        var root = node > 0 ? flame.tree().keys().root(flame.tree().key(node)) : null;
        if (root != null) tip.append(" — ").append(String.join(" · ", root.describe(flame.tree().keys().profile())));
        for (int c = 0; c < SampleState.CATEGORY_COUNT; c++) {
            if (flame.totalIn(i, c) > 0) tip.append(String.format(Locale.ROOT, "; %s %,d", SampleState.categoryName(c), flame.totalIn(i, c)));
        }
        return tip.toString();
    }

    /**
     * A hue for the node's main category, varied a little by its name so neighbours stand apart; native frames in
     * steel blue.
     */
    private static String colour(FlameLayout flame, int i) {
        if (flame.isOther(i)) return "rgb(200,200,200)";
        int node = flame.treeNode(i);
        if (node > 0 && flame.tree().keys().isNative(flame.tree().key(node))) {
            // A C function (--native): steel blue whatever its samples did, apart from the Python around it.
            int v = Math.floorMod(flame.label(i).hashCode(), 40);
            return String.format("rgb(%d,%d,%d)", 120 + v / 2, 150 + v / 2, 175 + v / 2);
        }
        int best = SampleState.CATEGORY_PYTHON;
        for (int c = 1; c < SampleState.CATEGORY_COUNT; c++) if (flame.totalIn(i, c) > flame.totalIn(i, best)) best = c;
        int v = Math.floorMod(flame.label(i).hashCode(), 60);
        return switch (best) {
            case SampleState.CATEGORY_NATIVE -> String.format("rgb(%d,%d,230)", 80 + v / 2, 140 + v);
            case SampleState.CATEGORY_SYSTEM -> String.format("rgb(%d,%d,210)", 170 + v / 2, 90 + v / 2);
            case SampleState.CATEGORY_IDLE -> String.format("rgb(%d,%d,%d)", 170 + v / 3, 170 + v / 3, 170 + v / 3);
            default -> String.format("rgb(%d,%d,%d)", 205 + v / 2, 80 + 2 * v, 40 + v / 3);
        };
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') out.append(c);
                }
            }
        }
        return out.toString();
    }
}
