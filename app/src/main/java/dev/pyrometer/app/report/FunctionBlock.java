package dev.pyrometer.app.report;

/**
 * The lines of a function in its source, as line_profiler lists them: from its first line (a decorator or the
 * {@code def}) to the last line of its body, trailing blank lines left out. Python's own rule: the body is every
 * following line indented deeper than the header, blank and comment lines in between included.
 */
final class FunctionBlock {
    private FunctionBlock() {}

    /** The last line of the function starting at {@code firstLine} (1-based) in {@code lines}; at least firstLine. */
    static int lastLine(String[] lines, int firstLine) {
        if (firstLine < 1 || firstLine > lines.length) return firstLine;
        int base = indent(lines[firstLine - 1]);
        int last = firstLine;
        boolean inHeader = true;
        for (int l = firstLine + 1; l <= lines.length; l++) {
            String text = lines[l - 1];
            String stripped = text.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) continue;
            int indent = indent(text);
            if (indent > base) {
                last = l;
                inHeader = false;
            } else if (inHeader && indent == base && (stripped.startsWith("@") || stripped.startsWith("def ")
                || stripped.startsWith("async def ") || stripped.startsWith("class "))) {
                last = l; // the def under a decorator
            } else {
                break;
            }
        }
        return last;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }
}
