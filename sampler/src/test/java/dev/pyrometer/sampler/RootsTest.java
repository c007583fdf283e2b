package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.RunRoots;
import dev.pyrometer.sampler.launch.LaunchedProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A recording keeps where the program's files come from, read from its memory: {@code sys.path} (with a non-ASCII
 * and a long entry), {@code __main__.__file__} and the prefixes, plus the working directory, exactly as Python itself
 * reports them; for a program attached to while it runs, and for one launched by Pyrometer, whose roots must be read
 * after {@code site} has added the package folders, not while the interpreter is still starting.
 */
class RootsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void attachedRecordingKeepsTheRootsPythonReports(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "roots.py", "{dir}/expected.json", "stop")) {
            target.awaitStopped();
            RunRoots expected = expected(target.dir().resolve("expected.json"));
            assertTrue(expected.sysPath().stream().anyMatch(p -> p.contains("\u00fcn\u00efcode \u4e2d")), "the program's own list");
            try (PythonTarget attached = PythonTarget.attach(target.pid())) {
                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(100, Duration.ofMillis(50)), profile);
                sampler.start();
                assertEquals(Sampler.Outcome.DURATION_ELAPSED, sampler.awaitEnd());
                assertEquals(expected, RunRoots.of(profile));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void launchedRecordingReadsTheRootsOnceTheProgramRuns(Pythons.Python python) throws Exception {
        Path script = dir.resolve("roots.py");
        try (InputStream in = Pythons.class.getResourceAsStream("roots.py")) {
            Files.copy(in, script);
        }
        Path expectedFile = dir.resolve("expected.json");
        try (LaunchedProgram program = LaunchedProgram.start(List.of(python.executable().toString(), script.toString(),
                expectedFile.toString(), "run"),
            new LaunchedProgram.Capture(dir.resolve("out.txt").toFile(), dir.resolve("err.txt").toFile()), dir.toFile(), Map.of());
             PythonTarget target = program.attachWhenReady(Duration.ofSeconds(30))) {
            Profile profile = new Profile();
            Sampler sampler = target.sampler(new SamplerOptions(200, null), profile);
            sampler.start();
            assertEquals(Sampler.Outcome.TARGET_EXITED, sampler.awaitEnd(), Files.readString(dir.resolve("err.txt")));
            RunRoots expected = expected(expectedFile);
            assertTrue(expected.sysPath().stream().anyMatch(p -> p.endsWith("-packages")),
                "site added the package folder: " + expected.sysPath());
            assertEquals(expected, RunRoots.of(profile));
            assertEquals(dir.toRealPath().toString(), RunRoots.of(profile).cwd());
        }
    }

    private static RunRoots expected(Path file) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> path = new ArrayList<>();
        JsonArray entries = json.getAsJsonArray("sys_path");
        entries.forEach(e -> path.add(e.getAsString()));
        return new RunRoots(path, json.get("main_file").getAsString(), json.get("cwd").getAsString(),
            json.get("prefix").getAsString(), json.get("base_prefix").getAsString(), json.get("exec_prefix").getAsString());
    }
}
