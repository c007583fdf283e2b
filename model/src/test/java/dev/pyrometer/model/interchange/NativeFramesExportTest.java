package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Sandwich;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A {@code --native} recording in the views and exports: collapsed stacks as py-spy --native writes them (and read
 * back as native frames), the SVG and HTML flame graphs colouring C frames apart, the hot functions and the
 * sandwich of a C function.
 */
class NativeFramesExportTest {
    private static Profile recording() {
        Profile p = new Profile();
        int main = p.thread(1, "MainThread");
        int work = p.frame("/app/work.py", "work", 7, 5);
        int deflate = p.nativeFrame("libz.so.1.2.13", "deflate");
        int slow = p.nativeFrame("libz.so.1.2.13", "libz.so.1.2.13+0x4e44");
        int sha = p.nativeFrame("libcrypto.so.3", "SHA256_Update");
        for (int i = 0; i < 30; i++) {
            int[] stack = i % 3 == 2 ? new int[] {sha, work} : new int[] {slow, deflate, work};
            p.sample(1000L * i, main, stack, stack.length, SampleState.RUNNING | SampleState.NATIVE, 1000, 0);
        }
        return p;
    }

    @Test
    void collapsedWritesAndReadsNativeFramesAsPySpyDoes() throws Exception {
        StringWriter out = new StringWriter();
        CollapsedWriter.write(recording(), Selection.NOT_IDLE, false, out);
        String text = out.toString();
        assertTrue(text.contains("work (/app/work.py:7);deflate (libz.so.1.2.13);libz.so.1.2.13+0x4e44 (libz.so.1.2.13) 20"),
            text);
        assertTrue(text.contains("work (/app/work.py:7);SHA256_Update (libcrypto.so.3) 10"), text);
        Profile back = CollapsedReader.read(new StringReader(text), "native.txt", () -> false);
        int natives = 0;
        for (int f = 0; f < back.frames().size(); f++) {
            boolean library = back.fileName(f).contains(".so");
            assertEquals(library, back.isNative(f), back.functionName(f));
            if (library) natives++;
        }
        assertEquals(3, natives);
    }

    @Test
    void flameGraphsColourNativeFramesApart() throws Exception {
        StringWriter svg = new StringWriter();
        SvgFlameGraphWriter.write(recording(), Selection.NOT_IDLE, KeyBy.FUNCTION, "t", svg);
        // Every sample is "native" by state; only the C functions themselves are steel blue.
        Matcher deflate = Pattern.compile("data-label=\"deflate[^\"]*\"[^>]*>\\s*<title>[^<]*</title>\\s*<rect[^>]*fill=\"rgb\\((\\d+),(\\d+),(\\d+)\\)")
            .matcher(svg.toString());
        Matcher work = Pattern.compile("data-label=\"work[^\"]*\"[^>]*>\\s*<title>[^<]*</title>\\s*<rect[^>]*fill=\"rgb\\((\\d+),(\\d+),(\\d+)\\)")
            .matcher(svg.toString());
        assertTrue(deflate.find() && work.find(), svg.toString());
        assertTrue(steel(deflate), deflate.group());
        assertFalse(steel(work), work.group());

        StringWriter html = new StringWriter();
        HtmlFlameGraphWriter.write(recording(), Selection.NOT_IDLE, KeyBy.FUNCTION, "t", html);
        Matcher list = Pattern.compile("\"native\":\\[([0-9,]*)]").matcher(html.toString());
        assertTrue(list.find());
        assertEquals(3, list.group(1).split(",").length, list.group());
    }

    /** The steel blue of native frames: blue above green above red, all of them muted. */
    private static boolean steel(Matcher rgb) {
        int r = Integer.parseInt(rgb.group(1)), g = Integer.parseInt(rgb.group(2)), b = Integer.parseInt(rgb.group(3));
        return b > g && g > r && r >= 110;
    }

    @Test
    void hotFunctionsAndSandwichHandleNativeFrames() {
        Profile p = recording();
        CallTree tree = CallTree.topDown(StackCounts.of(p, Selection.NOT_IDLE, Cancel.NEVER), KeyBy.FUNCTION,
            Transforms.NONE, Cancel.NEVER);
        HotFunctions hot = HotFunctions.of(tree);
        int deflateRow = -1;
        for (int r = 0; r < hot.size(); r++) if (hot.label(r).startsWith("deflate")) deflateRow = r;
        assertTrue(deflateRow >= 0);
        assertEquals(20, hot.total(deflateRow));
        assertEquals(0, hot.self(deflateRow));
        assertTrue(hot.keys().isNative(hot.key(deflateRow)));
        Sandwich sandwich = Sandwich.of(tree, hot.key(deflateRow), () -> false);
        assertEquals(20, sandwich.total());
    }
}
