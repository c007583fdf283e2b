package dev.pyrometer.sampler.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.sampler.Pythons;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ending a program Pyrometer started (the duration is over, Ctrl-C, an error) ends the processes it started too: a
 * subprocess or a worker pool would otherwise run on, orphaned, after the recording.
 */
class LaunchedProgramTest {
    @TempDir
    Path dir;

    @Test
    void closingItEndsItsChildrenToo() throws Exception {
        Path script = dir.resolve("spawns_child.py");
        try (InputStream in = Pythons.class.getResourceAsStream("spawns_child.py")) {
            Files.copy(in, script);
        }
        Path python = Pythons.all().getLast().executable();
        LaunchedProgram program = LaunchedProgram.start(List.of(python.toString(), script.toString()),
            new LaunchedProgram.Capture(dir.resolve("out.txt").toFile(), dir.resolve("err.txt").toFile()));
        ProcessHandle child = null;
        try {
            Path pidFile = dir.resolve("child.txt");
            awaitTrue(() -> Files.exists(pidFile), "the program to start its child");
            child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();
            assertTrue(running(child), "the child runs");
            program.close();
            assertFalse(program.alive(), "the program was ended");
            ProcessHandle started = child;
            awaitTrue(() -> !running(started), "its child to be ended with it");
        } finally {
            program.close();
            if (child != null) child.destroyForcibly();
        }
    }

    /** Alive and not a zombie (an orphan's new parent may be slow to reap it, or never do so in a container). */
    private static boolean running(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited in vain for " + what);
            Thread.sleep(10);
        }
    }
}
