package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * py-spy's raw output read and written again as collapsed stacks is the same file up to the order of its lines:
 * every stack with its count, the frameless sample ({@code " 1"}) included, and no thread frame the input lacked.
 * The fixtures are real py-spy 0.4.2 files (see src/test/resources/pyspy/README.md); CollapsedRoundTripTest in the
 * app makes fresh ones with py-spy and converts them through the command line.
 */
class CollapsedIdentityTest {
    @ParameterizedTest
    @ValueSource(strings = {"raw.txt", "raw_threads.txt", "raw_noline.txt"})
    void pySpyRawOutputIsWrittenBackAsItWas(String fixture) throws IOException {
        String original;
        try (InputStream in = CollapsedIdentityTest.class.getResourceAsStream("/pyspy/" + fixture)) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Profile profile = CollapsedReader.read(new StringReader(original), fixture, Cancel.NEVER);
        StringWriter written = new StringWriter();
        CollapsedWriter.write(profile, ExportOptions.DEFAULT.selection(), true, written);
        assertEquals(stackCounts(original), stackCounts(written.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {" 3\n", "thread (12): Worker 3\n", "thread (12) 3\n", "plain;frames;only 2\n",
        "a (x.py);b (y.py:7) 1\n", "thread (0X7F12AB): pool 4\n",
        "thread (5) 1\nthread (5): MainThread;a (x.py:1) 3\nthread (5);a (x.py:1) 2\n"})
    void framelessSamplesPlainFramesAndBareThreadsSurvive(String line) throws IOException {
        StringWriter written = new StringWriter();
        Profile profile = CollapsedReader.read(new StringReader(line), "t.txt", Cancel.NEVER);
        CollapsedWriter.write(profile, ExportOptions.DEFAULT.selection(), true, written);
        // py-spy writes a pthread id in hex when it has no OS id; read back it is a number, written in decimal.
        String expected = line.replace("0X7F12AB", Long.toString(0x7F12ABL));
        assertEquals(expected, written.toString());
    }

    /** Each distinct line's stack with the sum of its counts. */
    static Map<String, Long> stackCounts(String collapsed) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : collapsed.split("\n")) {
            if (line.isBlank()) continue;
            int space = line.lastIndexOf(' ');
            counts.merge(line.substring(0, space), Long.parseLong(line.substring(space + 1)), Long::sum);
        }
        assertTrue(counts.size() > 0, "no stacks in:\n" + collapsed);
        return counts;
    }
}
