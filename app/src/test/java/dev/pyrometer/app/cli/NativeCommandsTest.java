package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.JvmRun;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.session.SessionReader;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --native} and {@code dump --native} on a program compressing with zlib: libz's frames under the
 * Python line that calls it, in the session (as native frames), in the collapsed output (as py-spy --native writes
 * them: {@code function (library)}) and in the dump.
 */
class NativeCommandsTest {
    @TempDir Path dir;

    @Test
    void recordAndDumpShowZlibUnderTheCallingLine() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        int line = lineOf("ZLIB_LINE");
        try (TargetProcess target = TargetProcess.startDetached(python.executable(), "native_work.py", "zlib",
                "{dir}/ready")) {
            target.awaitFile("ready");
            String pid = Integer.toString(target.pid());
            Path collapsed = dir.resolve("out.txt");
            JvmRun run = JvmRun.of(Map.of(), "record", "--native", "--pid", pid, "-d", "1.5", "-r", "200", "-o",
                collapsed.toString(), "-f", "collapsed");
            assertEquals(0, run.exitCode(), run.stderr());
            List<String> lines = Files.readAllLines(collapsed);
            long underLine = lines.stream().filter(l -> l.contains("native_work.py:" + line + ");")
                && l.matches(".*;[^;]+ \\(libz\\.so[^;]*\\)( |;).*")).count();
            assertTrue(underLine > 0, String.join("\n", lines));

            Path session = dir.resolve("out.pyro");
            run = JvmRun.of(Map.of(), "record", "--native", "--pid", pid, "-d", "1", "-r", "200", "-o",
                session.toString());
            assertEquals(0, run.exitCode(), run.stderr());
            Profile p = SessionReader.read(session, Progress.NONE, Cancel.NEVER).profile();
            boolean libz = false;
            for (int f = 0; f < p.frames().size(); f++) {
                if (p.fileName(f).startsWith("libz.so")) {
                    assertTrue(p.isNative(f), p.functionName(f));
                    libz = true;
                }
                if (p.fileName(f).endsWith(".py")) assertTrue(!p.isNative(f));
            }
            assertTrue(libz, "libz frames in the session");

            run = JvmRun.of(Map.of(), "dump", "--native", "--pid", pid);
            assertEquals(0, run.exitCode(), run.stderr());
            assertTrue(run.stdout().contains("(native_work.py:"), run.stdout());
            assertTrue(run.stdout().lines().anyMatch(l -> l.matches("\\s+\\S.* \\(lib[^:]*\\)")),
                "a native frame with its library: " + run.stdout());
            String status = Files.readString(Path.of("/proc", pid, "status"));
            assertTrue(status.contains("TracerPid:\t0"), "detached after the dump");
        }
    }

    @Test
    void nativeFlagsThatCannotWorkAreUsageErrors() throws Exception {
        JvmRun run = JvmRun.of(Map.of(), "dump", "--native", "--nonblocking", "--pid", "1");
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("leave --nonblocking out"), run.stderr());
        run = JvmRun.of(Map.of(), "record", "--native-plumbing", "--pid", "1");
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("give it with --native"), run.stderr());
        run = JvmRun.of(Map.of(), "record", "--native", "--", "python3", "-c", "pass");
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("--native works with --pid only"), run.stderr());
    }

    private static int lineOf(String marker) throws Exception {
        try (var in = TargetProcess.class.getResourceAsStream("native_work.py")) {
            String[] lines = new String(in.readAllBytes()).split("\n");
            for (int i = 0; i < lines.length; i++) if (lines[i].contains("# " + marker)) return i + 1;
        }
        throw new IllegalStateException(marker);
    }
}
