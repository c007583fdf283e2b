package dev.pyrometer.app.ui.source;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Python syntax colouring as RichTextFX style spans: comments, strings (triple-quoted too), keywords, builtins,
 * numbers, decorators and the names after {@code def} and {@code class}. A single regular expression pass; pure, so
 * it runs on a background thread together with reading the file.
 */
public final class PythonHighlighter {
    private static final String[] KEYWORDS = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case"};
    private static final String[] BUILTINS = {
        "print", "len", "range", "int", "str", "float", "bool", "list", "dict", "set", "tuple", "bytes", "object",
        "isinstance", "issubclass", "open", "super", "enumerate", "zip", "map", "filter", "sorted", "reversed", "sum",
        "min", "max", "abs", "any", "all", "iter", "next", "getattr", "setattr", "hasattr", "type", "repr", "round",
        "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError", "StopIteration", "self", "cls"};

    private static final Pattern PATTERN = Pattern.compile(
        "(?<COMMENT>#[^\\n]*)"
            + "|(?<STRING>[rRbBuUfF]{0,2}(?:\"\"\"[\\s\\S]*?(?:\"\"\"|\\z)|'''[\\s\\S]*?(?:'''|\\z)"
            + "|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?))"
            + "|(?<DECORATOR>^[ \\t]*@[\\w.]+)"
            + "|(?<DEFINITION>(?<=\\bdef |\\bclass )[A-Za-z_]\\w*)"
            + "|(?<KEYWORD>\\b(?:" + String.join("|", KEYWORDS) + ")\\b)"
            + "|(?<BUILTIN>\\b(?:" + String.join("|", BUILTINS) + ")\\b)"
            + "|(?<NUMBER>\\b(?:0[xXoObB][0-9a-fA-F_]+|\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?j?)\\b)",
        Pattern.MULTILINE);

    private static final String[] GROUPS = {"COMMENT", "STRING", "DECORATOR", "DEFINITION", "KEYWORD", "BUILTIN", "NUMBER"};
    private static final String[] CLASSES = {"py-comment", "py-string", "py-decorator", "py-definition", "py-keyword",
        "py-builtin", "py-number"};

    private PythonHighlighter() {}

    public static StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = PATTERN.matcher(text);
        int last = 0;
        while (m.find()) {
            String styleClass = null;
            for (int g = 0; g < GROUPS.length; g++) {
                if (m.group(GROUPS[g]) != null) {
                    styleClass = CLASSES[g];
                    break;
                }
            }
            if (m.end() == m.start()) continue;
            spans.add(List.of(), m.start() - last);
            spans.add(List.of(styleClass), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }
}
