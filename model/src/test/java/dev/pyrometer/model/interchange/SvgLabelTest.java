package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.TestProfiles;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Labels cut to fit their frame stay valid text: a cut never falls inside a character written as two chars. */
class SvgLabelTest {

    @Test
    void shortenedLabelsNeverEndInHalfACharacter() throws IOException {
        String fire = "🔥".repeat(60);
        int shortened = 0;
        // Frame widths and an odd or even prefix move the cut; some of them land inside a surrogate pair unless guarded.
        for (String prefix : new String[] {"", "x"}) {
            for (int samples = 5; samples <= 40; samples++) {
                String svg = svg(TestProfiles.create()
                    .add(100 - samples, "app.py:main:1", "app.py:other:5")
                    .add(samples, "app.py:main:1", "app.py:" + prefix + fire + ":9")
                    .profile());
                for (int i = 0; i < svg.length(); i++) {
                    char c = svg.charAt(i);
                    if (Character.isHighSurrogate(c)) {
                        assertTrue(i + 1 < svg.length() && Character.isLowSurrogate(svg.charAt(i + 1)), "half a character at " + i);
                        i++;
                    } else {
                        assertFalse(Character.isLowSurrogate(c), "half a character at " + i);
                    }
                }
                if (svg.contains("🔥..")) shortened++;
            }
        }
        assertTrue(shortened > 10, "the labels were shortened");
    }

    private static String svg(dev.pyrometer.model.Profile profile) throws IOException {
        StringWriter out = new StringWriter();
        SvgFlameGraphWriter.write(profile, Selection.ALL, KeyBy.FUNCTION, "emoji", out);
        return out.toString();
    }
}
