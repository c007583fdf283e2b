package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.JvmRun;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.interchange.Format;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.model.session.SessionWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir Path dir;

    static Profile recording() {
        Profile p = new Profile();
        int t = p.thread(77, "MainThread");
        int main = p.frame("/srv/app.py", "main", 10, 1);
        int hot = p.frame("/srv/app.py", "hot", 20, 18);
        for (int i = 0; i < 40; i++) {
            int[] stack = i % 4 == 0 ? new int[] {main} : new int[] {hot, main};
            p.sample(i * 10_000_000L, t, stack, stack.length, i % 8 == 7 ? 0 : SampleState.RUNNING, 0, 0);
        }
        return p;
    }

    Path session() {
        Path file = dir.resolve("run.pyro");
        SessionWriter.save(recording(), file);
        return file;
    }

    @Test
    void convertsBetweenEveryFormatByExtension() throws Exception {
        Path pyro = session();
        CliRun toText = CliRun.of("convert", pyro.toString(), dir.resolve("run.txt").toString());
        assertEquals(0, toText.exitCode());
        assertEquals("Wrote 35 samples to " + dir.resolve("run.txt") + " (collapsed).\n", toText.out());
        assertEquals("""
            main (/srv/app.py:10) 10
            main (/srv/app.py:10);hot (/srv/app.py:20) 25
            """, Files.readString(dir.resolve("run.txt")).replace("thread (77): MainThread;", ""));
        for (String name : new String[] {"run.speedscope.json", "run.pb.gz", "run.svg", "again.pyro"}) {
            assertEquals(0, CliRun.of("convert", pyro.toString(), dir.resolve(name).toString()).exitCode());
        }
        assertEquals(35, ProfileFiles.read(dir.resolve("run.speedscope.json")).profile().samples().size());
        assertEquals(35, ProfileFiles.read(dir.resolve("run.pb.gz")).profile().samples().size());
        assertEquals(40, ProfileFiles.read(dir.resolve("again.pyro")).profile().samples().size(), "sessions keep everything");
        assertTrue(Files.readString(dir.resolve("run.svg")).contains("<svg"));
        // And back from an import to a session.
        assertEquals(0, CliRun.of("convert", dir.resolve("run.pb.gz").toString(), dir.resolve("back.pyro").toString()).exitCode());
        assertEquals(35, ProfileFiles.read(dir.resolve("back.pyro")).profile().samples().size());
    }

    @Test
    void formatFlagIdleAndStandardOutput() throws Exception {
        Path pyro = session();
        Path out = dir.resolve("stacks.data");
        CliRun run = CliRun.of("convert", "--idle", "-f", "collapsed", pyro.toString(), out.toString());
        assertEquals(0, run.exitCode());
        assertEquals(Format.COLLAPSED, ProfileFiles.detect(out));
        assertEquals(40, ProfileFiles.read(out).profile().samples().size());

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        try {
            System.setOut(new java.io.PrintStream(captured, true));
            assertEquals(0, CliRun.of("convert", pyro.toString(), "-", "-f", "speedscope").exitCode());
        } finally {
            System.setOut(old);
        }
        assertTrue(captured.toString().startsWith("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\""));
    }

    @Test
    void aDamagedSessionConvertsWhatItHoldsWithAWarning() throws Exception {
        Path pyro = session();
        byte[] bytes = Files.readAllBytes(pyro);
        Path cut = Files.write(dir.resolve("cut.pyro"), Arrays.copyOf(bytes, bytes.length - 20));
        CliRun run = CliRun.of("convert", cut.toString(), dir.resolve("cut.txt").toString());
        assertEquals(0, run.exitCode());
        assertTrue(run.err().startsWith("pyrometer: warning: cut.pyro is damaged at byte "), run.err());
        assertEquals(1, run.err().lines().count());
    }

    @Test
    void usageMistakesAreOneLineWithExitCodeTwo() {
        Path pyro = session();
        PyrometerException unknown = CliRun.error("convert", "-f", "png", pyro.toString(), dir.resolve("x.png").toString());
        assertEquals(2, unknown.exitCode());
        assertEquals("unknown format 'png'; use one of: session, collapsed, speedscope, pprof, svg, html.", unknown.getMessage());
        PyrometerException noExtension = CliRun.error("convert", pyro.toString(), dir.resolve("out.dat").toString());
        assertTrue(noExtension.getMessage().startsWith("cannot tell the format of "), noExtension.getMessage());
        assertEquals(2, CliRun.error("convert", pyro.toString(), "-").exitCode());
        assertEquals(FileErrors.UNREADABLE, CliRun.error("convert", dir.resolve("missing.pyro").toString(), dir.resolve("x.txt").toString()).exitCode());
        assertFalse(Files.exists(dir.resolve("x.txt")));
    }

    @Test
    void fromTheCommandLineErrorsAreOneLineWithoutATrace() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.pyro"), new byte[] {(byte) 0x89, 'P', 'Y', 'R', 'O', '\r', '\n', 0x1A, 0, 9, 0, 0, 0, 0, 0, 0});
        JvmRun run = JvmRun.of(Map.of(), "convert", garbage.toString(), dir.resolve("out.txt").toString());
        assertEquals(FileErrors.NEWER_VERSION, run.exitCode());
        assertEquals("pyrometer: garbage.pyro was written by a newer Pyrometer (session format 9.0; this version reads 1.x):"
            + " update Pyrometer to open it.\n", run.stderr());
        JvmRun unwritable = JvmRun.of(Map.of(), "convert", session().toString(), dir.resolve("no/such/dir/out.txt").toString());
        assertEquals(FileErrors.UNWRITABLE, unwritable.exitCode());
        assertEquals(1, unwritable.stderr().lines().count(), unwritable.stderr());
        assertTrue(unwritable.stderr().startsWith("pyrometer: cannot write "), unwritable.stderr());
    }
}
