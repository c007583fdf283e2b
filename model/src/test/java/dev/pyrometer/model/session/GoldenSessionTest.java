package dev.pyrometer.model.session;

import static dev.pyrometer.model.ProfileAssertions.assertSameRecording;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.LineHeat;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small session checked in as {@code sessions/golden-v1.pyro}. If this test fails, the session format changed:
 * old files must still load (bump the minor version for additions, the major one for anything else, and document
 * it in docs/session-format.md). Regenerate only on purpose, with {@code -Dpyrometer.writeGolden=true}.
 */
class GoldenSessionTest {
    private static final String RESOURCE = "/sessions/golden-v1.pyro";
    private static final String NATIVE_RESOURCE = "/sessions/golden-v1.1-native.pyro";
    @TempDir Path dir;

    @Test
    void theGoldenSessionStillLoads() throws IOException {
        Path file = dir.resolve("golden-v1.pyro");
        try (InputStream in = GoldenSessionTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "missing " + RESOURCE);
            Files.write(file, in.readAllBytes());
        }
        Loaded loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
        assertTrue(loaded.report().complete());
        Profile p = loaded.profile();
        assertSameRecording(SessionFixtures.golden(), p);
        // Facts of the fixture, spelled out so that a change in the fixture builder is caught too.
        assertEquals(60, p.samples().size());
        assertEquals("python3 app.py --fast", p.metadata("command"));
        assertEquals("Worker-1", p.threads().name(1));
        assertEquals(40, p.memory().size());
        StackCounts counts = StackCounts.of(p, Selection.NOT_IDLE, Cancel.NEVER);
        assertEquals(50, counts.total());
        assertEquals(8, counts.total(SampleState.CATEGORY_NATIVE));
        CallTree tree = CallTree.topDown(counts, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        assertEquals("main (/srv/app/app.py:38)", tree.label(1));
        assertEquals(40, tree.total(1));
        LineHeat heat = LineHeat.of(counts, "/srv/app/app.py", Cancel.NEVER);
        assertEquals(26, heat.self(5));
        assertEquals(40, heat.total(12));
    }

    @Test
    void theWriterStillProducesTheGoldenBytes() throws IOException {
        byte[] written = SessionFileTest.bytesOf(SessionFixtures.golden());
        // (Regenerating it would now write a 1.1 header: keep the 1.0 file, it is what old recordings look like.)
        try (InputStream in = GoldenSessionTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "missing " + RESOURCE);
            byte[] expected = in.readAllBytes();
            // Minor versions only add chunk types: a recording of one process writes 1.0's chunks, byte for byte,
            // under a header that names today's minor version.
            assertEquals(0, expected[11], "the golden file is a 1.0 session");
            expected[11] = (byte) SessionFormat.MINOR;
            assertArrayEquals(expected, written, "the session format changed: see this test's comment");
        }
    }

    @Test
    void theNativeGoldenSessionLoadsWithItsFrameKinds() throws IOException {
        byte[] written = SessionFileTest.bytesOf(SessionFixtures.goldenNative());
        if (Boolean.getBoolean("pyrometer.writeGolden")) {
            Files.write(Path.of("src/test/resources" + NATIVE_RESOURCE), written);
        }
        byte[] golden;
        try (InputStream in = GoldenSessionTest.class.getResourceAsStream(NATIVE_RESOURCE)) {
            assertNotNull(in, "missing " + NATIVE_RESOURCE);
            golden = in.readAllBytes();
        }
        assertArrayEquals(golden, written, "the session format changed: see this test's comment");
        Path file = dir.resolve("golden-v1.1-native.pyro");
        Files.write(file, golden);
        Loaded loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
        assertTrue(loaded.report().complete());
        Profile p = loaded.profile();
        assertSameRecording(SessionFixtures.goldenNative(), p);
        int natives = 0;
        for (int f = 0; f < p.frames().size(); f++) {
            boolean expected = !p.fileName(f).endsWith(".py");
            assertEquals(expected, p.isNative(f), p.functionName(f));
            if (expected) natives++;
        }
        assertEquals(3, natives);
        assertTrue(p.frames().anyNative());
    }
}
