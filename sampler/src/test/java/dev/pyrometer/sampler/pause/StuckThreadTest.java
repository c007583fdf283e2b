package dev.pyrometer.sampler.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.testing.ExternalTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread that no interrupt can stop (a vfork parent, waiting uninterruptibly for its child) never hangs a tick:
 * pause() waits for it at most {@link ThreadPauser#STOP_PATIENCE_NANOS}, leaves it running, counts it, and holds
 * the other threads still as usual; once the wait ends, the thread stops like the others.
 */
class StuckThreadTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    @TempDir Path dir;

    @Test
    void aThreadThatWillNotStopIsSkippedAndCounted() throws Exception {
        Path gcc = ExternalTools.require("gcc", "apt-get install gcc");
        Path source = dir.resolve("stuck_in_vfork.c");
        try (InputStream in = StuckThreadTest.class.getResourceAsStream("stuck_in_vfork.c")) {
            Files.copy(in, source);
        }
        Path program = dir.resolve("stuck_in_vfork");
        run(List.of(gcc.toString(), "-O0", "-pthread", "-o", program.toString(), source.toString()));
        // setsid -f: not this JVM's child (whose stops the JVM's own wait would take; see ThreadPauser.seize).
        Path pids = dir.resolve("pids");
        // Its output goes nowhere: a pipe the program holds open would keep run() reading for good.
        Process started = new ProcessBuilder("setsid", "-f", program.toString(), pids.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(started.waitFor(60, TimeUnit.SECONDS), "setsid did not return");
        await(() -> Files.exists(pids) && read(pids).endsWith("\n"), "the program to write its pids");
        String[] both = read(pids).strip().split(" ");
        int pid = Integer.parseInt(both[0]);
        int child = Integer.parseInt(both[1]);
        try {
            await(() -> state(pid, pid) == 'D', "the main thread to wait in vfork");
            // All ptrace requests from one thread (the tracer); preemptively timed, so a pause that hangs fails.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (ThreadPauser pauser = ThreadPauser.seize(pid)) {
                    assertEquals(2, pauser.threads());
                    for (int tick = 0; tick < 20; tick++) {
                        pauser.pause();
                        // On a loaded machine the spinner may not get a CPU within the stop patience either (seen in
                        // a full build at load 7 on 2 cores): that tick is held again, as a sampler's next would be.
                        long tickStart = System.nanoTime();
                        while (pauser.notStopped() == 2) {
                            assertTrue(System.nanoTime() - tickStart < DEADLINE_NANOS, "tick " + tick
                                + ": the spinning thread never stopped");
                            pauser.resume();
                            pauser.pause();
                        }
                        assertEquals(1, pauser.notStopped(), "tick " + tick + ": the vfork parent runs on");
                        int spinner = pauser.tid(0) == pid ? pauser.tid(1) : pauser.tid(0);
                        assertEquals('t', state(pid, spinner), "tick " + tick + ": the other thread is held");
                        assertEquals('D', state(pid, pid));
                        pauser.resume();
                    }
                    // The child goes, vfork returns, and the interrupt still pending stops the main thread at once.
                    ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
                    long start = System.nanoTime();
                    do {
                        assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "the main thread never stopped");
                        pauser.resume();
                        pauser.pause();
                    } while (pauser.notStopped() > 0);
                    assertEquals('t', state(pid, pid));
                    assertEquals('t', state(pid, pauser.tid(0) == pid ? pauser.tid(1) : pauser.tid(0)));
                    pauser.resume();
                }
            });
        } finally {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static char state(int pid, int tid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "waited in vain for " + what);
            Thread.sleep(5);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    }
}
