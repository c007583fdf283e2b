package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.JvmRun;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.sampler.MetadataKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record -- CMD}: launches the program, records it to its end, returns its exit code; writes collapsed stacks
 * or a session that is saved as it records.
 */
class RecordCommandTest {
    @TempDir
    Path dir;

    // The programs work for 3 s: a fresh JVM (no AOT cache here) on a loaded machine may take more than a second
    // to attach, and each test wants well over 50 samples of the work.
    @Test
    void launchedProgramIsRecordedAndItsExitCodeReturned() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Path script = copy("exits_soon.py");
        Path out = dir.resolve("stacks.txt");
        JvmRun run = JvmRun.of(Map.of(), "record", "-r", "250", "-o", out.toString(), "--",
            python.executable().toString(), script.toString(), "3", "3.0");
        assertEquals(3, run.exitCode(), run.stderr());
        assertTrue(run.stderr().matches("(?s)pyrometer: \\d+ samples, \\d+ errors, \\d+ late ticks in .* s \\(.* Hz achieved\\);"
            + " sampler CPU .* µs per sample; wrote \\d+ samples to .*stacks.txt \\(collapsed\\)\\s*"), run.stderr());
        String collapsed = Files.readString(out);
        // py-spy's raw format: root first, `function (file:line)` frames, a count at the end of each line.
        assertTrue(collapsed.lines().allMatch(l -> l.matches(".+ \\(.+:\\d+\\)(;.+ \\(.+:\\d+\\))* \\d+")), collapsed);
        assertTrue(collapsed.contains("<module> (" + script + ":"), collapsed);
        assertTrue(collapsed.contains(";busy (" + script + ":"), collapsed);
        long samples = collapsed.lines().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertTrue(samples > 50, "samples: " + samples);
    }

    @Test
    void aProgramEndedByTheDurationIsASuccess() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Path script = copy("exits_soon.py");
        Path out = dir.resolve("stacks.txt");
        // Left alone, the program would work for a minute and exit with 5; -d 1 ends it first.
        JvmRun run = JvmRun.of(Map.of(), "record", "-r", "200", "-d", "1", "-o", out.toString(), "--",
            python.executable().toString(), script.toString(), "5", "60");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().strip().endsWith("samples to " + out + " (collapsed); the program was ended when the"
            + " 1 s of -d ran out"), run.stderr());
        assertTrue(Files.readString(out).contains(";busy (" + script + ":"), "the recording was written");
    }

    @Test
    void sessionIsTheDefaultAndHoldsTheRecording() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Path script = copy("exits_soon.py");
        Path out = dir.resolve("run.pyro");
        JvmRun run = JvmRun.of(Map.of(), "record", "-r", "200", "-o", out.toString(), "--",
            python.executable().toString(), script.toString(), "0", "3.0");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("samples to " + out + " (session)"), run.stderr());
        Loaded loaded = ProfileFiles.read(out);
        assertTrue(loaded.report().complete(), loaded.report().toString());
        Profile profile = loaded.profile();
        assertTrue(profile.samples().size() > 50, "samples: " + profile.samples().size());
        assertEquals(python.version().toString(), profile.metadata(MetadataKeys.PYTHON_VERSION));
        assertEquals("0", profile.metadata(MetadataKeys.EXIT_CODE));
        assertTrue(HotFunctions.of(CallTree.topDown(StackCounts.of(profile, Selection.NOT_IDLE, Cancel.NEVER),
            KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER)).label(0).startsWith("busy"), "busy is the hottest function");
    }

    @Test
    void aSessionKilledMidRecordingStillLoads() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Path script = copy("exits_soon.py");
        Path out = dir.resolve("killed.pyro");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process recorder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
            System.getProperty("java.class.path"), "dev.pyrometer.app.Main", "record", "-r", "200", "-o", out.toString(),
            "--", python.executable().toString(), script.toString(), "0", "60").redirectErrorStream(true)
            .redirectOutput(dir.resolve("recorder.log").toFile()).start();
        try {
            // Wait (up to a minute) until a flush has put samples on disk, then kill the recorder outright.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (samplesOnDisk(out) < 20) {
                assertTrue(recorder.isAlive(), () -> "the recorder ended early: " + log());
                assertTrue(System.nanoTime() < deadline, "no samples were flushed within a minute");
                Thread.sleep(50);
            }
        } finally {
            recorder.destroyForcibly().waitFor();
            ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(script.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        }
        Loaded loaded = ProfileFiles.read(out);
        assertFalse(loaded.report().complete(), "a killed recording has no end marker");
        assertTrue(loaded.profile().samples().size() >= 20, "samples: " + loaded.profile().samples().size());
    }

    @Test
    void blockingRecordsARunningProgramAndLetsItGo() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess target = TargetProcess.startDetached(python.executable(), "busy_threads.py")) {
            target.awaitFile("ready.txt");
            Path out = dir.resolve("blocking.txt");
            JvmRun run = JvmRun.of(Map.of(), "record", "--blocking", "-r", "200", "-d", "0.5", "-o", out.toString(),
                "--pid", Integer.toString(target.pid()));
            assertEquals(0, run.exitCode(), run.stderr());
            assertTrue(run.stderr().matches("(?s)pyrometer: \\d+ samples, 0 errors, .*"), run.stderr());
            String collapsed = Files.readString(out);
            assertTrue(collapsed.contains(";spin (") && collapsed.contains(";hash_forever ("), collapsed);
            assertTrue(Files.readString(Path.of("/proc", Integer.toString(target.pid()), "status"))
                .contains("TracerPid:\t0"), "detached after the recording");
        }
    }

    /** Ended by a signal while it waits for its child to become Python, the recorder ends the child too. */
    @Test
    void aLaunchedChildDoesNotOutliveTheRecorder() throws Exception {
        List<String> command = JvmRun.javaCommand();
        command.addAll(List.of("record", "-o", dir.resolve("never.txt").toString(), "--", "sleep", "120"));
        Process recorder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve("recorder.log").toFile()).start();
        ProcessHandle child = null;
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (child == null) {
                child = recorder.children().filter(p -> p.info().command().orElse("").endsWith("sleep")).findFirst()
                    .orElse(null);
                assertTrue(recorder.isAlive(), () -> "the recorder ended early: " + log());
                assertTrue(System.nanoTime() < deadline, "the recorder started no child within a minute");
                Thread.sleep(20);
            }
            recorder.destroy(); // SIGTERM, as `timeout` or a service manager sends, while it still waits for Python
            recorder.waitFor();
            ProcessHandle started = child;
            long ended = System.nanoTime() + 30_000_000_000L;
            while (started.isAlive() && System.nanoTime() < ended) Thread.sleep(20);
            assertFalse(started.isAlive(), "the child was left running after the recorder ended: " + log());
        } finally {
            recorder.destroyForcibly().waitFor();
            if (child != null) child.destroyForcibly();
        }
    }

    private static int samplesOnDisk(Path session) {
        try {
            return Files.exists(session) ? ProfileFiles.read(session).profile().samples().size() : 0;
        } catch (RuntimeException stillEmpty) {
            return 0;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("recorder.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = Pythons.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
