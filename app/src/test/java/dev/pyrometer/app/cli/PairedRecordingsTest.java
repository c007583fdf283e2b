package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.app.ui.support.Checkouts;
import dev.pyrometer.model.RunRoots;
import dev.pyrometer.model.session.SessionReader;
import dev.pyrometer.sampler.Pythons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyrometer diff} of real recordings of what users compare: two checkouts, two virtual environments, two
 * Pythons, a file moved between folders, two programs that share a function name, and sessions written before runs
 * kept their roots. Each recording is {@code pyrometer record} of a real CPython with the real sampler.
 */
class PairedRecordingsTest {
    /** Long enough that a recording on a busy machine, which may attach late, still holds plenty of the program. */
    private static final String SECONDS = "2";

    @TempDir
    Path dir;

    private static Path newest() {
        return Pythons.all().stream().max(Comparator.comparing(p -> p.version().minor())).orElseThrow().executable();
    }

    private static List<JsonObject> diff(Path base, Path news, String... options) {
        List<String> args = new ArrayList<>(List.of("diff", base.toString(), news.toString(), "--json", "--top", "1000"));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        List<JsonObject> rows = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(run.out()).getAsJsonArray()) rows.add(e.getAsJsonObject());
        return rows;
    }

    private static List<JsonObject> rows(List<JsonObject> rows, Predicate<JsonObject> which) {
        return rows.stream().filter(which).toList();
    }

    private static Predicate<JsonObject> function(String name) {
        return row -> name.equals(row.get("function").getAsString());
    }

    private static String string(JsonObject row, String field) {
        return row.get(field).isJsonNull() ? null : row.get(field).getAsString();
    }

    private static double change(JsonObject row) {
        return row.get("new_total").getAsDouble() - row.get("base_total").getAsDouble();
    }

    @Test
    void twoCheckoutsPairTheirFunctionsAsIfTheySatAtOnePath() throws IOException {
        Path v1 = Checkouts.app(dir.resolve("v1/proj"), 0.8);
        Path v2 = Checkouts.app(dir.resolve("v2/proj"), 0.2);
        Path python = newest();
        Path base = Checkouts.record(dir.resolve("v1.pyro"), python.toString(), v1.toString(), SECONDS);
        Path news = Checkouts.record(dir.resolve("v2.pyro"), python.toString(), v2.toString(), SECONDS);
        RunRoots roots = RunRoots.of(SessionReader.read(base, (d, t) -> { }, () -> false).profile());
        assertEquals(v1.toString(), roots.mainFile(), "the recording kept its roots");

        List<JsonObject> rows = diff(base, news);
        for (String hot : List.of("hot_a", "hot_b")) {
            List<JsonObject> found = rows(rows, function(hot));
            assertEquals(1, found.size(), "one row for " + hot + ": " + found);
            JsonObject row = found.getFirst();
            assertEquals("app.py", string(row, "file"));
            assertEquals(v1.toString(), string(row, "base_file"));
            assertEquals(v2.toString(), string(row, "new_file"));
        }
        assertTrue(change(rows(rows, function("hot_a")).getFirst()) < -0.3, "hot_a lost its time: " + rows);
        assertTrue(change(rows(rows, function("hot_b")).getFirst()) > 0.3, "hot_b took it: " + rows);
        for (JsonObject row : rows(rows, r -> "app.py".equals(string(r, "file")))) {
            assertNotNull(string(row, "base_file"), "nothing of app.py vanished: " + row);
            assertNotNull(string(row, "new_file"), "nothing of app.py is new: " + row);
        }
        List<JsonObject> lines = diff(base, news, "--by", "line");
        JsonObject hotLine = rows(lines, r -> r.get("line").getAsInt() == Checkouts.line("# HOT_B")).getFirst();
        assertTrue(change(hotLine) > 0.3 && string(hotLine, "base_file") != null, "the hot line pairs: " + hotLine);

        List<JsonObject> absolute = diff(base, news, "--match", "absolute");
        assertEquals(2, rows(absolute, function("hot_a")).size(), "by absolute path the checkouts do not pair");

        String table = CliRun.of("diff", base.toString(), news.toString()).out();
        assertTrue(table.contains("Roots: " + v1.getParent() + " → " + v2.getParent() + "."), table);
        assertTrue(table.contains("Frames paired by relative path and qualified name"), table);

        // Sessions the release before roots wrote: the same recordings without them pair through their common folder.
        Path oldBase = Checkouts.withoutRoots(base, dir.resolve("v1-old.pyro"));
        Path oldNew = Checkouts.withoutRoots(news, dir.resolve("v2-old.pyro"));
        assertFalse(RunRoots.of(SessionReader.read(oldBase, (d, t) -> { }, () -> false).profile()).known());
        for (Path[] pair : new Path[][] {{oldBase, oldNew}, {oldBase, news}, {base, oldNew}}) {
            List<JsonObject> fallback = diff(pair[0], pair[1]);
            JsonObject hotA = rows(fallback, function("hot_a")).getFirst();
            assertEquals(1, rows(fallback, function("hot_a")).size(), pair[0] + " against " + pair[1]);
            assertEquals("app.py", string(hotA, "file"));
            assertTrue(change(hotA) < -0.3, hotA.toString());
        }
    }

    @Test
    void twoVirtualEnvironmentsPairTheirLibrary() throws Exception {
        Path python = newest();
        Path script = Files.writeString(dir.resolve("use_lib.py"), """
            import sys
            import time
            import tinylib.core

            deadline = time.time() + float(sys.argv[1])
            while time.time() < deadline:
                tinylib.core.crunch(20000)
            """);
        List<Path> sessions = new ArrayList<>();
        List<Path> libraries = new ArrayList<>();
        for (String name : List.of("env-a", "env-b")) {
            Path venv = dir.resolve(name).resolve("venv");
            Process made = new ProcessBuilder(python.toString(), "-m", "venv", "--without-pip", venv.toString())
                .redirectErrorStream(true).start();
            String out = new String(made.getInputStream().readAllBytes());
            assertEquals(0, made.waitFor(), out);
            Path site;
            try (var found = Files.find(venv.resolve("lib"), 2, (p, a) -> p.getFileName().toString().equals("site-packages"))) {
                site = found.findFirst().orElseThrow();
            }
            Files.createDirectories(site.resolve("tinylib"));
            Files.writeString(site.resolve("tinylib/__init__.py"), "");
            libraries.add(Files.writeString(site.resolve("tinylib/core.py"), """
                def crunch(n):
                    total = 0
                    for i in range(n):
                        total += i * 3 % 7
                    return total
                """));
            sessions.add(Checkouts.record(dir.resolve(name + ".pyro"), venv.resolve("bin/python").toString(), script.toString(),
                SECONDS));
        }
        List<JsonObject> crunch = rows(diff(sessions.get(0), sessions.get(1)), function("crunch"));
        assertEquals(1, crunch.size(), crunch.toString());
        assertEquals("tinylib/core.py", string(crunch.getFirst(), "file"));
        assertEquals(libraries.get(0).toString(), string(crunch.getFirst(), "base_file"));
        assertEquals(libraries.get(1).toString(), string(crunch.getFirst(), "new_file"));
        String table = CliRun.of("diff", sessions.get(0).toString(), sessions.get(1).toString()).out();
        assertTrue(table.contains("Environments " + dir.resolve("env-a/venv") + " → " + dir.resolve("env-b/venv")), table);
    }

    @Test
    void theStandardLibraryPairsAcrossPythons() throws IOException {
        List<Pythons.Python> pythons = Pythons.all();
        Pythons.Python oldest = pythons.stream().min(Comparator.comparing(p -> p.version().minor())).orElseThrow();
        Pythons.Python newest = pythons.stream().max(Comparator.comparing(p -> p.version().minor())).orElseThrow();
        Assumptions.assumeTrue(oldest.version().minor() < 11 && newest.version().minor() >= 11,
            "needs a Python before 3.11 and one from 3.11 on: " + pythons);
        Path script = Files.writeString(dir.resolve("encode.py"), """
            import json
            import sys
            import time

            data = {"rows": [{"id": i, "name": "n%d" % i, "tags": ["a", "b"], "score": i / 7} for i in range(300)]}
            deadline = time.time() + float(sys.argv[1])
            while time.time() < deadline:
                json.dumps(data)
            """);
        Path base = Checkouts.record(dir.resolve("old.pyro"), oldest.executable().toString(), script.toString(), SECONDS);
        Path news = Checkouts.record(dir.resolve("new.pyro"), newest.executable().toString(), script.toString(), SECONDS);
        List<JsonObject> encoder = rows(diff(base, news), r -> "json/encoder.py".equals(string(r, "file")));
        assertFalse(encoder.isEmpty(), "json's encoder was sampled");
        JsonObject heaviest = encoder.stream().max(Comparator.comparingDouble(r -> r.get("new_total").getAsDouble())).orElseThrow();
        assertTrue(string(heaviest, "base_file").contains("python3." + oldest.version().minor() + "/json/encoder.py"), heaviest.toString());
        assertTrue(string(heaviest, "new_file").contains("python3." + newest.version().minor() + "/json/encoder.py"), heaviest.toString());
        assertTrue(heaviest.get("base_total").getAsDouble() > 0.2 && heaviest.get("new_total").getAsDouble() > 0.2,
            "one row with both runs' time: " + encoder);
        // 3.8 names its functions plainly (iterencode), 3.13 qualified (JSONEncoder.iterencode): they still pair.
        for (JsonObject row : encoder) {
            if (string(row, "function").equals("<module>")) continue; // an import sampled in one run only
            assertTrue(string(row, "base_file") != null && string(row, "new_file") != null, "every encoder function pairs: " + encoder);
        }
    }

    @Test
    void aFileMovedBetweenFoldersPairsByModule() throws IOException {
        // v1 keeps its package under src/ and puts that folder on sys.path itself; v2 moved it to the top.
        String main = """
            import os
            import sys
            import time
            sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
            from app.core import work

            deadline = time.time() + float(sys.argv[1])
            while time.time() < deadline:
                work(20000)
            """;
        String core = """
            def work(n):
                total = 0
                for i in range(n):
                    total += i * i
                return total
            """;
        Path v1 = dir.resolve("v1"), v2 = dir.resolve("v2");
        for (Path pkg : List.of(v1.resolve("src/app"), v2.resolve("app"))) {
            Files.createDirectories(pkg);
            Files.writeString(pkg.resolve("__init__.py"), "");
            Files.writeString(pkg.resolve("core.py"), core);
        }
        Files.writeString(v1.resolve("main.py"), main);
        Files.writeString(v2.resolve("main.py"), main);
        String python = newest().toString();
        Path base = Checkouts.record(dir.resolve("v1.pyro"), python, v1.resolve("main.py").toString(), SECONDS);
        Path news = Checkouts.record(dir.resolve("v2.pyro"), python, v2.resolve("main.py").toString(), SECONDS);
        List<JsonObject> work = rows(diff(base, news), function("work"));
        assertEquals(1, work.size(), work.toString());
        assertEquals("app/core.py", string(work.getFirst(), "file"));
        assertEquals(v1.resolve("src/app/core.py").toString(), string(work.getFirst(), "base_file"));
        assertEquals(v2.resolve("app/core.py").toString(), string(work.getFirst(), "new_file"));
        String table = CliRun.of("diff", base.toString(), news.toString()).out();
        assertTrue(table.contains("by module (src/app/core.py → app/core.py"), table);
    }

    @Test
    void sameNamedFunctionsOfTwoProgramsPairOnlyByName() throws IOException {
        String source = """
            import sys
            import time


            def main():
                deadline = time.time() + float(sys.argv[1])
                while time.time() < deadline:
                    sum(i * i for i in range(5000))


            main()
            """;
        Path a = Files.writeString(dir.resolve("a.py"), source);
        Path b = Files.writeString(dir.resolve("b.py"), source);
        String python = newest().toString();
        Path base = Checkouts.record(dir.resolve("a.pyro"), python, a.toString(), SECONDS);
        Path news = Checkouts.record(dir.resolve("b.pyro"), python, b.toString(), SECONDS);
        Predicate<JsonObject> mains = function("main").and(r -> List.of("a.py", "b.py").contains(string(r, "file")));
        List<JsonObject> apart = rows(diff(base, news), mains);
        assertEquals(2, apart.size(), "a.py's main and b.py's main stay apart: " + apart);
        assertTrue(apart.stream().anyMatch(r -> string(r, "new_file") == null && a.toString().equals(string(r, "base_file"))));
        assertTrue(apart.stream().anyMatch(r -> string(r, "base_file") == null && b.toString().equals(string(r, "new_file"))));
        List<JsonObject> together = rows(diff(base, news, "--match", "name"), function("main"));
        assertEquals(1, together.size(), "every main is one function by name (site's too): " + together);
        assertEquals(a.toString(), string(together.getFirst(), "base_file"));
        assertEquals(b.toString(), string(together.getFirst(), "new_file"));
        // Both sides are a.py's and b.py's main doing the work (site's main would hold next to nothing). Not their
        // difference: how much of a short run start-up takes depends on the machine's load (13 pp seen at load 11).
        JsonObject row = together.getFirst();
        assertTrue(row.get("base_total").getAsDouble() > 0.5 && row.get("new_total").getAsDouble() > 0.5,
            "the same work on both sides: " + together);
        assertEquals(2, CliRun.error("diff", base.toString(), news.toString(), "--match", "path").exitCode());
    }
}
