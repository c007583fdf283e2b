package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports of real py-spy 0.4.2 output (see src/test/resources/pyspy/README.md) and of hand-written files. */
class ImportTest {
    @TempDir Path dir;

    Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = ImportTest.class.getResourceAsStream("/pyspy/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    static HotFunctions hot(Profile p, KeyBy by) {
        StackCounts counts = StackCounts.of(p, Selection.ALL, Cancel.NEVER);
        return HotFunctions.of(CallTree.topDown(counts, by, Transforms.NONE, Cancel.NEVER));
    }

    static int row(HotFunctions hot, String label) {
        for (int r = 0; r < hot.size(); r++) if (hot.label(r).equals(label)) return r;
        throw new AssertionError(label + " not found");
    }

    @Test
    void pySpyRawWithThreads() throws IOException {
        Path file = fixture("raw_threads.txt");
        assertEquals(Format.COLLAPSED, ProfileFiles.detect(file));
        Loaded loaded = ProfileFiles.read(file);
        Profile p = loaded.profile();
        assertEquals(214, p.samples().size(), "py-spy said: Samples: 214");
        assertEquals(2, p.threads().size());
        assertEquals("Worker-1", p.threads().name(0));
        assertEquals(10423, p.threads().osThreadId(0));
        assertEquals("MainThread", p.threads().name(1));
        HotFunctions byLine = hot(p, KeyBy.LINE);
        assertEquals("hot_a (w.py:4)", byLine.label(0));
        assertEquals(213, byLine.self(0));
        assertEquals(111, byLine.total(row(byLine, "hot_b (w.py:7)")));
        assertNull(loaded.report().warning());
        assertEquals(214, loaded.report().samples());
    }

    @Test
    void pySpyRawWithoutThreadsAndWithAnEmptyStack() throws IOException {
        Profile p = ProfileFiles.read(fixture("raw.txt")).profile();
        assertEquals(230, p.samples().size());
        assertEquals(1, p.threads().size());
        int empty = 0;
        for (int i = 0; i < p.samples().size(); i++) if (p.samples().stack(i) == StackTable.EMPTY) empty++;
        assertEquals(1, empty, "py-spy's ` 1` line: a sample without frames");
        HotFunctions byFile = hot(p, KeyBy.FILE);
        assertTrue(byFile.total(row(byFile, "w.py")) > 200);
        assertTrue(byFile.total(row(byFile, "<frozen importlib._bootstrap>")) > 0);
    }

    @Test
    void pySpyRawWithoutLineNumbers() throws IOException {
        Profile p = ProfileFiles.read(fixture("raw_noline.txt")).profile();
        assertEquals(258, p.samples().size());
        HotFunctions byFunction = hot(p, KeyBy.FUNCTION);
        assertEquals("hot_a (w.py)", byFunction.label(0));
        assertEquals(0, p.frames().line(p.stacks().frame(p.samples().stack(0))));
    }

    @Test
    void pySpySpeedscope() throws IOException {
        Path file = fixture("ss.json");
        assertEquals(Format.SPEEDSCOPE, ProfileFiles.detect(file));
        Profile p = ProfileFiles.read(file).profile();
        assertEquals(287, p.samples().size());
        assertEquals(2, p.threads().size());
        assertEquals(10561, p.threads().osThreadId(0));
        assertNull(p.threads().name(0));
        assertEquals("Worker-1", p.threads().name(1));
        HotFunctions byLine = hot(p, KeyBy.LINE);
        assertEquals("hot_a (/tmp/pyspy/w.py:4)", byLine.label(0));
        // Weights were 1/200 s each: one sample per weight, 5 ms apart on each thread.
        assertEquals(5_000, p.samples().timeMicros(1) - p.samples().timeMicros(0));
        assertEquals("py-spy@0.4.2", p.metadata("source.exporter"));
    }

    @Test
    void flamegraphFoldedFilesKeepPlainFrames() throws IOException {
        String folded = """
            # a comment
            java;com.example.Main.main;com.example.Work.run 7
            java;com.example.Main.main 3

            <lambda> (C:\\app\\x.py:12);f(x) (a.py) 2.0
            """;
        Profile p = CollapsedReader.read(new StringReader(folded), "folded.txt", Cancel.NEVER);
        assertEquals(12, p.samples().size());
        HotFunctions byLine = hot(p, KeyBy.LINE);
        assertEquals("com.example.Work.run", byLine.label(0));
        int lambda = row(byLine, "<lambda> (C:\\app\\x.py:12)");
        assertEquals(2, byLine.total(lambda));
        assertEquals(2, byLine.self(row(byLine, "f(x) (a.py)")));
    }

    @Test
    void malformedCollapsedLinesAreNamed() {
        PyrometerException e = assertThrows(PyrometerException.class, () ->
            CollapsedReader.read(new StringReader("main (a.py:1) 3\nthis is not a stack\n"), "bad.txt", Cancel.NEVER));
        assertEquals("bad.txt line 2 is not a collapsed stack (expected `frame;frame;… count`): \"this is not a stack\".", e.getMessage());
        assertTrue(assertThrows(PyrometerException.class, () ->
            CollapsedReader.read(new StringReader("# nothing\n\n"), "c.txt", Cancel.NEVER)).getMessage().contains("holds no stacks"));
    }

    @Test
    void evented_speedscope_becomes_samples() {
        String json = """
            {"$schema":"https://www.speedscope.app/file-format-schema.json",
             "shared":{"frames":[{"name":"main","file":"m.py","line":1},{"name":"work","file":"m.py","line":5}]},
             "profiles":[{"type":"evented","name":"main thread","unit":"milliseconds","startValue":0,"endValue":10,
               "events":[{"type":"O","at":0,"frame":0},{"type":"O","at":2,"frame":1},{"type":"C","at":8,"frame":1},
                         {"type":"C","at":10,"frame":0}]}]}
            """;
        Profile p = SpeedscopeReader.read(new StringReader(json), "e.json", Cancel.NEVER);
        HotFunctions byLine = hot(p, KeyBy.LINE);
        assertEquals("work (m.py:5)", byLine.label(0));
        assertEquals(6, byLine.self(0), "6 ms in work at one sample per millisecond");
        assertEquals(10, byLine.total(row(byLine, "main (m.py:1)")));
        assertEquals("main thread", p.threads().name(0));
    }

    @Test
    void brokenSpeedscopeFilesSayWhatIsWrong() {
        assertTrue(assertThrows(PyrometerException.class, () -> SpeedscopeReader.read(new StringReader("{\"a\": [1, 2"), "x.json", Cancel.NEVER))
            .getMessage().startsWith("x.json is not valid speedscope JSON"));
        assertTrue(assertThrows(PyrometerException.class, () -> SpeedscopeReader.read(new StringReader("{\"a\": 1}"), "x.json", Cancel.NEVER))
            .getMessage().contains("not a speedscope profile"));
        String badFrame = """
            {"shared":{"frames":[{"name":"a"}]},"profiles":[{"type":"sampled","name":"t","unit":"none","samples":[[0,3]],"weights":[1]}]}""";
        assertEquals("x.json is not a valid speedscope profile: a stack refers to frame 3, which is not defined.",
            assertThrows(PyrometerException.class, () -> SpeedscopeReader.read(new StringReader(badFrame), "x.json", Cancel.NEVER)).getMessage());
    }

    @Test
    void detectionPrefersContentOverExtension() throws IOException {
        assertEquals(Format.COLLAPSED, ProfileFiles.detect(Files.writeString(dir.resolve("stacks.json.txt"), "a;b 1\n")));
        assertEquals(Format.SPEEDSCOPE, ProfileFiles.detect(Files.writeString(dir.resolve("odd.txt"), "  {\"shared\":{}}")));
        assertEquals(Format.COLLAPSED, ProfileFiles.detect(Files.writeString(dir.resolve("noext"), "a;b 1\n")));
        // py-spy's raw output of a script: its first frame is "<module>", which is no markup.
        Path script = Files.writeString(dir.resolve("pyspy.txt"), "<module> (app.py:52);main (app.py:46) 10\n");
        assertEquals(Format.COLLAPSED, ProfileFiles.detect(script));
        assertEquals(10, ProfileFiles.read(script).profile().samples().size());
        Path svg = Files.writeString(dir.resolve("f.svg"), "<svg/>");
        assertTrue(assertThrows(PyrometerException.class, () -> ProfileFiles.read(svg)).getMessage().contains("cannot read them"));
        Path empty = Files.write(dir.resolve("e.txt"), new byte[0]);
        assertEquals("e.txt is empty.", assertThrows(PyrometerException.class, () -> ProfileFiles.read(empty)).getMessage());
        Path binary = Files.write(dir.resolve("b.bin"), new byte[] {1, 0, 2, 3});
        assertTrue(assertThrows(PyrometerException.class, () -> ProfileFiles.read(binary)).getMessage().contains("not a profile Pyrometer knows"));
        assertTrue(assertThrows(PyrometerException.class, () -> ProfileFiles.read(dir)).getMessage().contains("is a directory"));
        Path gz = Files.write(dir.resolve("bad.pb.gz"), new byte[] {0x1F, (byte) 0x8B, 1, 2, 3});
        assertTrue(assertThrows(PyrometerException.class, () -> ProfileFiles.read(gz)).getMessage().startsWith("bad.pb.gz is not a valid pprof profile"));
    }

    @Test
    void formatsAreNamedByExtensionOrFlag() {
        assertEquals(Format.SPEEDSCOPE, Format.ofPath(Path.of("x.speedscope.json")));
        assertEquals(Format.PPROF, Format.ofPath(Path.of("cpu.pb.gz")));
        assertEquals(Format.COLLAPSED, Format.ofPath(Path.of("x.folded")));
        assertEquals(Format.SESSION, Format.ofPath(Path.of("RUN.PYRO")));
        assertNull(Format.ofPath(Path.of("x.doc")));
        assertEquals(Format.COLLAPSED, Format.named("raw"));
        assertEquals(Format.SVG, Format.named("SVG"));
        assertNull(Format.named("png"));
    }

    @Test
    void aRootFunctionNamedThreadIsAFrameNotAThread() throws IOException {
        Profile p = CollapsedReader.read(new StringReader("thread (pool.py:12);work (pool.py:30) 3\n"), "pool.txt", Cancel.NEVER);
        assertEquals(3, p.samples().size());
        assertEquals(1, p.threads().size());
        assertNull(p.threads().name(0), "the default thread, not one named after the frame");
        HotFunctions byLine = hot(p, KeyBy.LINE);
        assertEquals(3, byLine.total(row(byLine, "thread (pool.py:12)")));
        assertEquals(3, byLine.self(row(byLine, "work (pool.py:30)")));
    }
}
