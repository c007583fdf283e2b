package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.JvmRun;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.interchange.ProfileFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code record -- CMD}: the terminal sends SIGINT to the whole foreground process group, Pyrometer
 * and the program alike. The program's own {@code KeyboardInterrupt} clean-up (here: a second's work, then a file,
 * then exit code 3) runs to its end while recording goes on, and {@code record} exits with the program's code.
 */
class RecordInterruptTest {
    private static final String PROGRAM = """
        import os, sys, time
        here = os.path.dirname(os.path.abspath(__file__))
        try:
            with open(os.path.join(here, "ready.txt"), "w") as f:
                f.write("ready")
            while True:
                sum(i * i for i in range(1000))
        except KeyboardInterrupt:
            time.sleep(1)
            with open(os.path.join(here, "cleaned.txt"), "w") as f:
                f.write("cleaned up")
            sys.exit(3)
        """;

    @TempDir Path dir;

    @Test
    void theProgramCleansUpAfterCtrlCAndItsExitCodeIsReturned() throws Exception {
        Path script = Files.writeString(dir.resolve("interruptible.py"), PROGRAM);
        Path session = dir.resolve("run.pyro");
        List<String> command = new ArrayList<>(List.of("setsid")); // its own process group, as a terminal's job
        command.addAll(JvmRun.javaCommand());
        command.addAll(List.of("record", "-o", session.toString(), "--", "python3", script.toString()));
        Process record = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // Recording has begun once the session grew past its header (a flush with samples).
            while (!(Files.exists(dir.resolve("ready.txt")) && sampled(session))) {
                assertTrue(record.isAlive(), () -> "record ended early: " + read("err.txt"));
                assertTrue(System.nanoTime() < deadline, "recording never began: " + read("err.txt"));
                Thread.sleep(20);
            }
            // Ctrl-C as a terminal sends it: to every process of the foreground group.
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + record.pid()).start();
            assertEquals(0, kill.waitFor());
            assertTrue(record.waitFor(60, TimeUnit.SECONDS), "record did not end");
            assertEquals(3, record.exitValue(), "the program's own exit code: " + read("err.txt"));
            assertEquals("cleaned up", read("cleaned.txt"), "the program's clean-up ran to its end");
            assertTrue(sampledInCleanUp(ProfileFiles.read(session).profile()), "recording went on during the clean-up");
            assertTrue(read("err.txt").contains("samples"), read("err.txt"));
        } finally {
            // The whole group, the program too: a failed check must not leave it burning a CPU (it did once).
            new ProcessBuilder("kill", "-KILL", "--", "-" + record.pid()).start().waitFor();
            record.destroyForcibly();
        }
    }

    /** Whether the session holds samples yet (made but still empty, it cannot be read: not yet either). */
    private static boolean sampled(Path session) {
        try {
            return Files.exists(session) && ProfileFiles.read(session).profile().samples().size() > 0;
        } catch (PyrometerException notYet) {
            return false;
        }
    }

    /** Whether a sample shows the program in its clean-up's {@code time.sleep(1)} (line 9 of the script). */
    private static boolean sampledInCleanUp(Profile profile) {
        for (int i = 0; i < profile.samples().size(); i++) {
            int frame = profile.stacks().frame(profile.samples().stack(i));
            if (profile.functionName(frame).equals("<module>") && profile.frames().line(frame) == 9) return true;
        }
        return false;
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }
}
