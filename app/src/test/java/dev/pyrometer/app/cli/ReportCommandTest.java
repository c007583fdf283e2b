package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.app.JvmRun;
import dev.pyrometer.app.ui.source.SourceDocument;
import dev.pyrometer.app.ui.source.SourceLoader;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.MemoryCounts;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.sampler.Pythons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pyrometer report} on a real recording of the bundled demo at 100 Hz. */
class ReportCommandTest {
    static final String NEEDLE_LINE = "if needle in haystack";

    @TempDir
    static Path dir;
    static Path session;
    static Path demo;
    static String mainThread;

    @BeforeAll
    static void recordTheDemo() throws Exception {
        demo = DemoProfiles.demoFile();
        session = dir.resolve("demo.pyro");
        Pythons.Python python = Pythons.all().getLast();
        JvmRun run = JvmRun.of(Map.of(), "record", "-r", "100", "-o", session.toString(), "--",
            python.executable().toString(), demo.toString(), "--seconds", "4", "--size", "200");
        assertEquals(0, run.exitCode(), run.stderr());
        Profile profile = ProfileFiles.read(session).profile();
        assertTrue(StackCounts.of(profile, Selection.NOT_IDLE, Cancel.NEVER).total() > 100, "a few seconds of running samples: " + run.stderr());
        mainThread = profile.threads().label(0);
    }

    static JsonArray json(String... args) {
        List<String> all = new ArrayList<>(List.of("report", session.toString(), "--json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err() + run.failure());
        return JsonParser.parseString(run.out()).getAsJsonArray();
    }

    static JsonObject function(JsonArray functions, String name) {
        for (JsonElement f : functions) if (name.equals(f.getAsJsonObject().get("function").getAsString())) return f.getAsJsonObject();
        throw new AssertionError("no " + name + " in " + functions);
    }

    static int lineOf(String marker) throws IOException {
        List<String> lines = Files.readAllLines(demo);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(marker)) return i + 1;
        throw new AssertionError(marker);
    }

    @Test
    void theHottestFunctionsComeFirstWithTheirSharesAndMemory() throws IOException {
        JsonArray functions = json();
        JsonObject first = functions.get(0).getAsJsonObject();
        assertEquals("search", first.get("function").getAsString(), "the linear search is the demo's hot spot");
        assertTrue(first.get("self").getAsDouble() > 0.3, first.toString());
        assertTrue(first.get("total").getAsDouble() >= first.get("self").getAsDouble());
        assertEquals(demo.toString(), first.get("file").getAsString());
        assertEquals(lineOf("def search"), first.get("line").getAsInt());
        assertTrue(first.has("mem_net_self") && first.has("mem_net_total"));
        JsonObject main = function(functions, "main");
        assertTrue(main.get("total").getAsDouble() > 0.9, "main is on every stack but start-up's: " + main);
        CliRun text = CliRun.of("report", session.toString(), "--top", "2");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Self %") && text.out().contains("Mem net total"), text.out());
        assertEquals(2, text.out().lines().filter(l -> l.contains("(" + demo)).count(), "two rows:\n" + text.out());
    }

    @Test
    void theLineTableSharesAddUpAndPointAtTheLinearSearchWithNoMemoryFinding() throws IOException {
        JsonObject search = function(json("--lines", "search"), "search");
        JsonArray lines = search.getAsJsonArray("lines");
        double sum = 0;
        int hottest = 0, most = -1;
        for (JsonElement e : lines) {
            JsonObject line = e.getAsJsonObject();
            sum += line.get("time_share").getAsDouble();
            if (line.get("samples").getAsInt() > most) {
                most = line.get("samples").getAsInt();
                hottest = line.get("line").getAsInt();
            }
        }
        assertEquals(1.0, sum, 0.01);
        int needle = lineOf(NEEDLE_LINE);
        assertEquals(needle, hottest, "the line the seed post's profile points at: the `in` on a long list");
        assertEquals(lineOf("def search"), lines.get(0).getAsJsonObject().get("line").getAsInt(), "from the def line");
        assertEquals(lineOf("return found"), lines.get(lines.size() - 1).getAsJsonObject().get("line").getAsInt(), "to its last line");
        for (JsonElement e : lines) {
            JsonObject line = e.getAsJsonObject();
            if (line.get("line").getAsInt() == needle) {
                assertFalse(line.get("mem_finding").getAsBoolean(), "a line that allocates nothing: " + line);
                assertTrue(line.get("contents").getAsString().contains(NEEDLE_LINE), "the source is read: " + line);
            }
        }
    }

    @Test
    void theTextTablesSumToAHundredPerFunctionAndAgreeWithTheSourceGutter() throws IOException {
        CliRun run = CliRun.of("report", session.toString(), "--lines");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Line #") && out.contains("% Time") && out.contains("Line Contents"), out);
        // Each table: a "Function:" header, then rows whose third column is % Time.
        List<Double> sums = new ArrayList<>();
        int needleRowSamples = -1;
        int needle = lineOf(NEEDLE_LINE);
        for (String line : out.split("\n")) {
            if (line.startsWith("Function: ")) sums.add(0.0);
            String[] cols = line.trim().split("\\s+");
            if (sums.isEmpty() || cols.length < 3 || !cols[0].matches("\\d+") || !cols[1].matches("\\d+")) continue;
            sums.set(sums.size() - 1, sums.getLast() + Double.parseDouble(cols[2]));
            if (Integer.parseInt(cols[0]) == needle) needleRowSamples = Integer.parseInt(cols[1]);
        }
        assertEquals(3, sums.size(), "the three hottest functions by default:\n" + out);
        for (double sum : sums) assertEquals(100, sum, 1, out);

        // The gutter of the workbench's source pane, on the same session and selection.
        Profile profile = ProfileFiles.read(session).profile();
        Snapshot snapshot = Snapshot.of(profile);
        StackCounts counts = StackCounts.of(snapshot, Selection.NOT_IDLE, Cancel.NEVER);
        SourceDocument document = SourceLoader.load(demo.toString(), 0, List.of(), counts,
            MemoryCounts.of(snapshot, Selection.NOT_IDLE, Cancel.NEVER), null, null, Cancel.NEVER);
        assertEquals(document.heat().total(needle), needleRowSamples, "the report and the gutter count the same samples");
        JsonObject search = function(json("--lines", "cpu_demo.py"), "search");
        for (JsonElement e : search.getAsJsonArray("lines")) {
            JsonObject line = e.getAsJsonObject();
            int l = line.get("line").getAsInt();
            assertEquals(document.heat().total(l), line.get("samples").getAsInt(), "line " + l);
            assertEquals(document.memory().totalNet(l), line.get("mem_net").getAsLong(), "line " + l);
        }
    }

    @Test
    void aRangeAndAThreadNarrowTheSamples() {
        int all = function(json(), "main").get("samples_total").getAsInt();
        int firstSecond = function(json("--range", ":1"), "main").get("samples_total").getAsInt();
        assertTrue(firstSecond > 0 && firstSecond < all, firstSecond + " of " + all);
        assertEquals(all, function(json("--thread", mainThread), "main").get("samples_total").getAsInt());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertTrue(CliRun.error("report", session.toString(), "--range", "5").getMessage().contains("START:END"));
        assertTrue(CliRun.error("report", session.toString(), "--range", "3:1").getMessage().contains("START before END"));
        assertTrue(CliRun.error("report", session.toString(), "--thread", "nope").getMessage().contains(mainThread));
        assertTrue(CliRun.error("report", session.toString(), "--lines", "no_such_function").getMessage()
            .contains("no_such_function"));
        assertEquals(2, CliRun.error("report", session.toString(), "--top", "0").exitCode());
        CliRun missing = CliRun.of("report", dir.resolve("nothing.pyro").toString());
        assertTrue(missing.exitCode() != 0 && missing.failure() != null);
    }

    @Test
    void reportLoadsNoJavaFxClass() throws Exception {
        List<String> command = JvmRun.javaCommand();
        command.add(1, "-Xlog:class+load=info");
        command.addAll(List.of("report", session.toString(), "--lines", "search", "--json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY"));
        Path log = dir.resolve("classes.log");
        Process process = builder.redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "report finished");
        String loaded = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), loaded.lines().filter(l -> !l.startsWith("[")).toList().toString());
        assertTrue(loaded.contains("dev.pyrometer.app.cli.ReportCommand"), "the log lists the classes loaded");
        assertFalse(loaded.contains(" javafx."), "no JavaFX class: "
            + loaded.lines().filter(l -> l.contains(" javafx.")).findFirst().orElse(""));
        assertFalse(loaded.contains("dev.pyrometer.app.ui."), "nor any of the workbench's");
    }
}
