package dev.pyrometer.model.interchange;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A flame graph as one self-contained HTML page: the call tree as data, and a script that draws it, zooms on click,
 * searches (text or /regex/) with the matches' share, and shows the sandwich of the clicked function (its callers,
 * merged over every call site, above; its callees below; recursion counted once), as the app does. Opens in any
 * browser without a network: nothing is fetched.
 */
public final class HtmlFlameGraphWriter {
    private static final String DATA = "/*__DATA__*/null";

    private HtmlFlameGraphWriter() {}

    /** Returns the number of samples drawn. */
    public static long write(Profile profile, Selection selection, KeyBy keyBy, String title, Writer out) throws IOException {
        return write(profile, selection, keyBy, Roots.MERGED, title, out);
    }

    /** With each stack under the root frames {@code roots} asks for: a tower per process or thread. */
    public static long write(Profile profile, Selection selection, KeyBy keyBy, Roots roots, String title, Writer out)
            throws IOException {
        StackCounts counts = StackCounts.of(profile, selection, Cancel.NEVER);
        CallTree tree = CallTree.topDown(counts, keyBy, Transforms.NONE, roots, Cancel.NEVER);
        String page = SvgFlameGraphWriter.script("flamegraph.html").replace("__TITLE__", html(title));
        int at = page.indexOf(DATA);
        if (at < 0) throw new IOException("the page template has no data slot");
        out.write(page, 0, at);
        writeData(tree, keyBy, title, out);
        out.write(page, at + DATA.length(), page.length() - at - DATA.length());
        out.flush();
        return tree.total(0);
    }

    /** The tree as columns: parents, keys (dense over the keys the tree uses) and self samples per category. */
    private static void writeData(CallTree tree, KeyBy keyBy, String title, Writer out) throws IOException {
        int n = tree.size();
        int[] dense = new int[tree.keys().size()];
        Arrays.fill(dense, -1);
        int[] keyOfDense = new int[tree.keys().size()];
        int used = 0;
        for (int i = 1; i < n; i++) {
            int k = tree.key(i);
            if (dense[k] < 0) {
                dense[k] = used;
                keyOfDense[used++] = k;
            }
        }
        out.write("{\"title\":");
        out.write(json(title));
        out.write(",\"keyBy\":");
        out.write(json(switch (keyBy) {
            case FUNCTION -> "by function";
            case LINE -> "by line";
            case FILE -> "by file";
            case MODULE -> "by module";
        }));
        out.write(",\"categories\":[");
        for (int c = 0; c < SampleState.CATEGORY_COUNT; c++) out.write((c > 0 ? "," : "") + json(SampleState.categoryName(c)));
        out.write("],\n\"labels\":[");
        for (int d = 0; d < used; d++) {
            if (d > 0) out.write(d % 50 == 0 ? ",\n" : ",");
            out.write(json(tree.keys().label(keyOfDense[d])));
        }
        out.write("],\n\"native\":[");
        boolean first = true;
        for (int d = 0; d < used; d++) {
            if (!tree.keys().isNative(keyOfDense[d])) continue;
            out.write((first ? "" : ",") + d);
            first = false;
        }
        out.write("],\n\"p\":");
        column(out, n, i -> tree.parent(i));
        out.write(",\n\"k\":");
        column(out, n, i -> i == 0 ? -1 : dense[tree.key(i)]);
        out.write(",\n\"s\":[");
        for (int c = 0; c < SampleState.CATEGORY_COUNT; c++) {
            int category = c;
            if (c > 0) out.write(",\n");
            column(out, n, i -> tree.selfIn(i, category));
        }
        out.write("]}");
    }

    private static void column(Writer out, int n, java.util.function.IntUnaryOperator value) throws IOException {
        StringBuilder line = new StringBuilder(8192);
        line.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) line.append(i % 64 == 0 ? ",\n" : ",");
            line.append(value.applyAsInt(i));
            if (line.length() > 8000) {
                out.write(line.toString());
                line.setLength(0);
            }
        }
        line.append(']');
        out.write(line.toString());
    }

    /** A JSON string that is also safe inside a script element ({@code </script>} cannot end it early). */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
