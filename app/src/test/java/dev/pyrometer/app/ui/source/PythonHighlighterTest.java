package dev.pyrometer.app.ui.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class PythonHighlighterTest {

    @Test
    void coloursKeywordsStringsCommentsNumbersAndDefinitions() {
        String code = "@cache\ndef work(n):  # busy\n    return \"done\" if n > 10 else '''x'''\n";
        List<String> styled = styled(code, PythonHighlighter.spans(code));
        assertEquals(List.of("@cache=py-decorator", "def=py-keyword", "work=py-definition", "# busy=py-comment",
            "return=py-keyword", "\"done\"=py-string", "if=py-keyword", "10=py-number", "else=py-keyword",
            "'''x'''=py-string"), styled);
    }

    @Test
    void anUnclosedTripleQuoteRunsToTheEnd() {
        String code = "x = \"\"\"never\nclosed";
        List<String> styled = styled(code, PythonHighlighter.spans(code));
        assertEquals(List.of("\"\"\"never\nclosed=py-string"), styled);
    }

    private static List<String> styled(String code, StyleSpans<Collection<String>> spans) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) out.add(code.substring(at, at + span.getLength()) + "=" + span.getStyle().iterator().next());
            at += span.getLength();
        }
        assertEquals(code.length(), at);
        return out;
    }
}
