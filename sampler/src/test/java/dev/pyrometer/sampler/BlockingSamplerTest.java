package dev.pyrometer.sampler;

import dev.pyrometer.sampler.errors.SamplerErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.sampler.pause.ThreadPauser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --blocking}: on a program that receives a timer signal every 2 ms and keeps starting threads, a blocking
 * sampler records its stacks with no torn read, the program's signals and new threads go on arriving while it is
 * held still at each tick, and afterwards it runs on, no longer traced. (The program is started detached: a
 * child of this JVM could not be paused, see {@link dev.pyrometer.sampler.pause.ThreadPauser}.)
 */
class BlockingSamplerTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void pausesReadsAndLetsGo(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.startDetached(python.executable(), "signals_and_threads.py")) {
            target.awaitFile("progress.txt");
            try (PythonTarget attached = PythonTarget.attach(target.pid())) {
                long[] before = progress(target);
                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(200, Duration.ofMillis(800), true), profile);
                sampler.start();
                assertEquals(Sampler.Outcome.DURATION_ELAPSED, sampler.awaitEnd(), String.valueOf(sampler.failure()));
                long[] during = progress(target);
                SamplerStats stats = sampler.stats();
                assertTrue(stats.samples() > 20, stats.toString());
                assertEquals(0, stats.errors(), "a process held still is never read torn: " + stats);
                // The program reports after every 25 signals: a new report means signals arrived while it was being
                // held and let go. (How many depends on the CPU it got, which a loaded 2-core machine does not promise.)
                assertTrue(during[0] > before[0], "timer signals were delivered meanwhile: " + before[0] + " -> " + during[0]);
                assertTrue(during[1] > before[1], "threads were started meanwhile: " + before[1] + " -> " + during[1]);
                assertTrue(profile.samples().size() > 20, "stacks recorded");
            }
            assertEquals("0", status(target, "TracerPid"), "detached");
            long[] after = progress(target);
            target.await(() -> progress(target)[0] > after[0] + 25, "run on after the recording");
        }
    }

    /** Paused, the sampler still holds the target traced: its signals and new threads must still be let through. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void pausedItLetsSignalsAndThreadsThrough(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.startDetached(python.executable(), "signals_and_threads.py")) {
            target.awaitFile("progress.txt");
            try (PythonTarget attached = PythonTarget.attach(target.pid())) {
                Sampler sampler = attached.sampler(new SamplerOptions(200, null, true), new Profile());
                sampler.pause(); // paused from the start: it attaches, then waits for a resume
                sampler.start();
                target.await(() -> !"0".equals(statusOrNull(target, "TracerPid")), "be traced");
                long[] before = progress(target);
                target.await(() -> {
                    long[] now = progress(target);
                    return now[0] >= before[0] + 50 && now[1] > before[1] + 5;
                }, "receive signals and start threads while traced by a paused sampler");
                assertEquals(Sampler.Outcome.STOPPED, sampler.stop(), String.valueOf(sampler.failure()));
            }
            assertEquals("0", status(target, "TracerPid"), "detached");
        }
    }

    @org.junit.jupiter.api.Test
    void ourOwnChildIsRefusedWithAReason() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess target = TargetProcess.start(python.executable(), "signals_and_threads.py")) {
            target.awaitFile("progress.txt");
            try (PythonTarget attached = PythonTarget.attach(target.pid())) {
                Sampler sampler = attached.sampler(new SamplerOptions(200, Duration.ofMillis(300), true), new Profile());
                sampler.start();
                assertEquals(Sampler.Outcome.FAILED, sampler.awaitEnd());
                assertTrue(sampler.failure() instanceof dev.pyrometer.model.PyrometerException e
                    && e.exitCode() == SamplerErrors.CANNOT_PAUSE && e.getMessage().contains("own child"),
                    String.valueOf(sampler.failure()));
            }
        }
    }

    /**
     * A thread's scheduler state is read before the tick holds it still, its first sample's too: read while held, it
     * would be 't' (traced and stopped), and a thread spinning in Python would start out idle.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void aSpinningThreadIsRunningFromItsFirstSample(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.startDetached(python.executable(), "exits_soon.py", "0", "60")) {
            try (PythonTarget attached = target.attachWhenUp()) {
                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(100, Duration.ofMillis(300), true), profile);
                sampler.start();
                assertEquals(Sampler.Outcome.DURATION_ELAPSED, sampler.awaitEnd(), String.valueOf(sampler.failure()));
                assertTrue(profile.samples().size() > 5, "samples: " + profile.samples().size());
                for (int i = 0; i < profile.samples().size(); i++) {
                    assertTrue((profile.samples().state(i) & SampleState.RUNNING) != 0, "sample " + i + " of "
                        + profile.samples().size() + " is running");
                }
            }
        }
    }

    /** A thread has one tracer at a time: a target a debugger holds gets its own reason, not permission advice. */
    @org.junit.jupiter.api.Test
    void aTargetTracedByAnotherIsRefusedWithAReason() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess target = TargetProcess.startDetached(python.executable(), "busy_threads.py")) {
            target.awaitFile("ready.txt");
            try (PythonTarget attached = PythonTarget.attach(target.pid());
                 ThreadPauser debugger = ThreadPauser.seize(target.pid())) {
                Sampler sampler = attached.sampler(new SamplerOptions(200, Duration.ofMillis(300), true), new Profile());
                sampler.start();
                assertEquals(Sampler.Outcome.FAILED, sampler.awaitEnd());
                assertTrue(sampler.failure() instanceof PyrometerException e
                    && e.exitCode() == SamplerErrors.CANNOT_PAUSE && e.getMessage().contains("already traced by process "
                    + ProcessHandle.current().pid()), String.valueOf(sampler.failure()));
            }
        }
    }

    private static long[] progress(TargetProcess target) {
        try {
            String[] f = Files.readString(target.dir().resolve("progress.txt")).strip().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    private static String statusOrNull(TargetProcess target, String field) {
        try {
            return status(target, field);
        } catch (IOException e) {
            return null;
        }
    }

    private static String status(TargetProcess target, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(target.pid()), "status"))) {
            if (line.startsWith(field + ":")) return line.substring(field.length() + 1).strip();
        }
        return null;
    }
}
