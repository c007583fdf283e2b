package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pyrometer.app.JvmRun;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import dev.pyrometer.sampler.errors.SamplerErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error a user meets is one line on stderr, no trace, and its own exit code. */
class CommandErrorsTest {
    @TempDir
    Path dir;

    @Test
    void noSuchProcess() throws Exception {
        JvmRun run = JvmRun.of(Map.of(), "dump", "--pid", "999999999");
        assertOneLine(run, SamplerErrors.NO_SUCH_PROCESS, "pyrometer: no process with pid 999999999 is running");
    }

    @Test
    void notAPythonProcess() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            JvmRun run = JvmRun.of(Map.of(), "dump", "--pid", Long.toString(sleep.pid()));
            assertOneLine(run, SamplerErrors.NOT_PYTHON, "pyrometer: process " + sleep.pid() + " (sleep 60) is not a Python process");
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    /** 3.7 has a _PyRuntime of another layout; 3.6 and 2.7 have none, yet they are Python, not "not Python". */
    @ParameterizedTest
    @CsvSource({"3.7.16, python3.7, libpython3.7", "3.6.15, python3.6, libpython3.6", "2.7.18, python2.7, libpython2.7"})
    void unsupportedPythonVersion(String version, String executable, String library) throws Exception {
        Path python = Path.of(System.getProperty("user.home"), ".pyenv/versions", version, "bin", executable);
        assumeTrue(Files.isExecutable(python), "needs an old Python (pyenv " + version + ") to refuse");
        Process old = new ProcessBuilder(python.toString(), "-c", "import time; time.sleep(60)").start();
        try {
            awaitMapped(old, library);
            JvmRun run = JvmRun.of(Map.of(), "dump", "--pid", Long.toString(old.pid()));
            assertOneLine(run, SamplerErrors.UNSUPPORTED_VERSION, "pyrometer: process " + old.pid() + " runs Python "
                + version + ",");
            assertTrue(run.stderr().contains("supported versions are 3.8 to 3.13"), run.stderr());
        } finally {
            old.destroyForcibly().waitFor();
        }
    }

    /** As root without CAP_SYS_PTRACE (a container's default), another user's process cannot be read. */
    @Test
    void permissionDeniedSaysWhichRuleAndWhatToDo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && "root".equals(System.getProperty("user.name")),
            "needs root and setpriv to drop CAP_SYS_PTRACE");
        Process target = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            "/usr/bin/python3", "-c", "import time; time.sleep(60)").start();
        try {
            awaitMapped(target, "python3");
            List<String> command = new ArrayList<>(List.of("setpriv", "--inh-caps=-sys_ptrace", "--bounding-set=-sys_ptrace"));
            command.addAll(JvmRun.javaCommand());
            command.addAll(List.of("dump", "--pid", Long.toString(target.pid())));
            JvmRun run = JvmRun.ofCommand(command);
            assertOneLine(run, SamplerErrors.PERMISSION_DENIED, "pyrometer: cannot read the memory of process " + target.pid());
            assertTrue(run.stderr().contains("without CAP_SYS_PTRACE") && run.stderr().contains("--cap-add SYS_PTRACE"),
                run.stderr());
        } finally {
            target.destroyForcibly().waitFor();
        }
    }

    /**
     * An unreadable process whose command names no Python (a nobody's sleep, read by a root without CAP_SYS_PTRACE):
     * the line says what it runs and that it does not look like Python, and points to `ps` rather than to a remedy.
     */
    @Test
    void anUnreadableProcessThatIsNotPythonSaysWhatItRuns() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && "root".equals(System.getProperty("user.name")),
            "needs root and setpriv to drop CAP_SYS_PTRACE");
        Process target = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            "/bin/sleep", "60").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!new String(Files.readAllBytes(Path.of("/proc", Long.toString(target.pid()), "cmdline")))
                .startsWith("/bin/sleep")) {
                assertTrue(System.nanoTime() < deadline, "setpriv did not exec sleep");
                Thread.sleep(5);
            }
            List<String> command = new ArrayList<>(List.of("setpriv", "--inh-caps=-sys_ptrace", "--bounding-set=-sys_ptrace"));
            command.addAll(JvmRun.javaCommand());
            command.addAll(List.of("dump", "--pid", Long.toString(target.pid())));
            JvmRun run = JvmRun.ofCommand(command);
            assertOneLine(run, SamplerErrors.PERMISSION_DENIED, "pyrometer: cannot read the memory of process "
                + target.pid() + " (/bin/sleep 60), which does not look like a Python process");
            assertTrue(run.stderr().contains("`pyrometer ps` lists the Python processes"), run.stderr());
            assertFalse(run.stderr().contains("sudo"), run.stderr());
        } finally {
            target.destroyForcibly().waitFor();
        }
    }

    /**
     * {@code dump} and {@code record} of pid 1 as root: whatever pid 1 is here (an init that is not Python, readable or
     * not, or a Python), one line that names its command line and never tells root to use sudo.
     */
    @Test
    void pidOneAsRootSaysWhatItIsWithoutSudo() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "pid 1 as root: needs root");
        String cmdline = new String(Files.readAllBytes(Path.of("/proc/1/cmdline"))).replace('\0', ' ').strip();
        for (String[] args : new String[][] {{"dump", "--pid", "1"}, {"record", "-d", "0.2", "-o",
            Files.createTempDirectory("pid1").resolve("pid1.txt").toString(), "--pid", "1"}}) {
            JvmRun run = JvmRun.of(Map.of(), args);
            if (run.exitCode() == 0) continue; // pid 1 is a Python we may read: nothing to explain
            String line = run.stderr().strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(run.exitCode() == SamplerErrors.NOT_PYTHON || run.exitCode() == SamplerErrors.PERMISSION_DENIED,
                "exit " + run.exitCode() + ": " + line);
            String shown = cmdline.length() <= 80 ? cmdline : cmdline.substring(0, 77);
            assertTrue(line.startsWith("pyrometer: ") && line.contains("process 1 (" + shown), line);
            assertTrue(line.contains("is not a Python process") || line.contains("does not look like a Python process")
                || line.contains("cannot read the memory of process 1"), line);
            assertFalse(line.contains("sudo"), line);
        }
    }

    @Test
    void targetExitingMidRecordingKeepsWhatWasRecorded() throws Exception {
        Pythons.Python python = Pythons.all().getFirst();
        try (TargetProcess target = TargetProcess.start(python.executable(), "exits_when_told.py", "0", "{dir}/exit-now")) {
            Path out = dir.resolve("partial.pyro");
            FutureTask<JvmRun> recording = new FutureTask<>(() -> JvmRun.of(Map.of(), "record", "-r", "200", "-d",
                "60", "-o", out.toString(), "--pid", Integer.toString(target.pid())));
            Thread.ofPlatform().name("record").start(recording);
            // The target exits mid-recording: once the session on disk holds samples, however long the JVM took.
            int[] seen = {0};
            target.await(() -> (seen[0] = samplesOnDisk(out)) >= 20 || recording.isDone(), "be recorded");
            Files.createFile(target.dir().resolve("exit-now"));
            JvmRun run = recording.get(60, TimeUnit.SECONDS);
            assertEquals(SamplerErrors.TARGET_EXITED, run.exitCode(), run.stderr());
            assertTrue(run.stderr().contains("pyrometer: process " + target.pid() + " exited after"), run.stderr());
            assertTrue(run.stderr().contains("what was recorded until then is in " + out), run.stderr());
            Loaded kept = ProfileFiles.read(out);
            assertTrue(kept.report().complete(), "the session was ended properly: " + kept.report());
            Profile profile = kept.profile();
            assertTrue(profile.samples().size() >= seen[0], "the samples taken were written: " + profile.samples().size());
            Set<String> functions = new TreeSet<>();
            for (int f = 0; f < profile.frames().size(); f++) functions.add(profile.functionName(f));
            assertTrue(functions.contains("busy"), "the target's work was recorded: " + functions);
        }
    }

    private static int samplesOnDisk(Path session) {
        try {
            return Files.exists(session) ? ProfileFiles.read(session).profile().samples().size() : 0;
        } catch (RuntimeException notYetWritten) {
            return 0;
        }
    }

    @Test
    void usageErrors() throws Exception {
        assertOneLine(JvmRun.of(Map.of(), "record", "-o", dir.resolve("x.txt").toString()), 2,
            "pyrometer: give either --pid PID or a command");
        assertOneLine(JvmRun.of(Map.of(), "record", "--blocking", "--", "python3", "-c", "pass"), 2,
            "pyrometer: --blocking works with --pid only");
        assertOneLine(JvmRun.of(Map.of(), "record", "--blocking", "--nonblocking", "--pid", "1"), 2,
            "pyrometer: give --blocking or --nonblocking, not both");
        assertOneLine(JvmRun.of(Map.of(), "record", "-f", "flame", "--pid", "1"), 2,
            "pyrometer: unknown output format 'flame'; use one of: session, collapsed");
        // The same exit code and words as convert's for an output that cannot be written.
        assertOneLine(JvmRun.of(Map.of(), "record", "-o", "/no/such/dir/out.txt", "--pid", "1"), FileErrors.UNWRITABLE,
            "pyrometer: cannot write /no/such/dir/out.txt: the folder /no/such/dir does not exist.");
        Path input = Files.writeString(dir.resolve("in.txt"), "main (app.py:1) 1\n");
        assertOneLine(JvmRun.of(Map.of(), "convert", input.toString(), "/no/such/dir/out.txt"),
            FileErrors.UNWRITABLE, "pyrometer: cannot write /no/such/dir/out.txt: the folder /no/such/dir does not exist.");
        assertOneLine(JvmRun.of(Map.of(), "record", "--", "/no/such/program"), SamplerErrors.LAUNCH_FAILED,
            "pyrometer: cannot start `/no/such/program`: no such program");
    }

    static void assertOneLine(JvmRun run, int exitCode, String start) {
        assertEquals(exitCode, run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith(start), run.stderr());
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "), run.stderr());
    }

    /** Waits until the process has mapped a file whose name contains {@code name} (its interpreter is loaded). */
    static void awaitMapped(Process p, String name) throws Exception {
        Path maps = Path.of("/proc", Long.toString(p.pid()), "maps");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.readString(maps).contains(name) && new String(Files.readAllBytes(
                Path.of("/proc", Long.toString(p.pid()), "cmdline"))).contains("sleep")) return;
            Thread.sleep(5);
        }
        throw new AssertionError(name + " never loaded");
    }
}
