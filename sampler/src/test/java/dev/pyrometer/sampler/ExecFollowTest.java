package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A launched program that execs is followed into its new program: a lone {@link Sampler} with
 * {@link SamplerOptions#followExecs()} and a {@link ProcessFollower} re-read the new image (its layout, its
 * {@code _PyRuntime}, its threads) and record on in the same timeline, the programs told apart by the process table.
 * Each program waits for a file the test writes once the sampler has seen what it needs: nothing waits for luck.
 */
class ExecFollowTest {
    private static final int RC = 7;

    /**
     * Every Python restarting itself ({@code os.execv(sys.executable, …)}), then across versions: the oldest pyenv
     * Python to the newest, and Debian's static python3 to a pyenv 3.12 (or the newest).
     */
    static Stream<Arguments> pairs() {
        List<Pythons.Python> all = Pythons.all();
        List<Arguments> pairs = new ArrayList<>();
        for (Pythons.Python p : all) pairs.add(Arguments.of(p, p));
        List<Pythons.Python> pyenv = all.stream().filter(p -> p.label().startsWith("pyenv"))
            .sorted(Comparator.comparingInt(p -> p.version().minor())).toList();
        if (pyenv.size() > 1) pairs.add(Arguments.of(pyenv.getFirst(), pyenv.getLast()));
        Pythons.Python debian = all.stream().filter(p -> p.label().startsWith("debian")).findFirst().orElse(null);
        if (debian != null && !pyenv.isEmpty()) {
            pairs.add(Arguments.of(debian, pyenv.stream().filter(p -> p.version().minor() == 12).findFirst()
                .orElse(pyenv.getLast())));
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void aLoneSamplerFollowsAnExecIntoAnotherPython(Pythons.Python from, Pythons.Python to) throws Exception {
        try (TargetProcess t = TargetProcess.start(from.executable(), "exec_before.py", "{dir}",
            to.executable().toString(), "{dir}/exec_after.py", "{dir}", Integer.toString(RC))) {
            Path after = copy("exec_after.py", t.dir());
            Profile profile = new Profile();
            t.awaitFile("before");
            try (PythonTarget attached = t.attachWhenUp()) {
                Sampler sampler = attached.sampler(new SamplerOptions(200, null).withFollowExecs(true), profile);
                sampler.start();
                try {
                    t.await(() -> SamplesIn.count(profile, "before", t.script()) >= 5, "be sampled in before()");
                    Files.writeString(t.dir().resolve("exec"), "");
                    t.awaitFile("after");
                    t.await(() -> SamplesIn.count(profile, "after", after) >= 5 || sampler.outcome() != Sampler.Outcome.RUNNING,
                        "be sampled in after(), past its exec");
                    Files.writeString(t.dir().resolve("stop"), "");
                    assertEquals(Sampler.Outcome.TARGET_EXITED, sampler.awaitEnd(30, TimeUnit.SECONDS),
                        "the final program's exit ends it: " + sampler.failure());
                } finally {
                    sampler.stop();
                    Files.writeString(t.dir().resolve("stop"), "");
                }
                assertEquals(RC, t.process().waitFor(), t.output());
                assertNull(sampler.replacedBy(), "the exec did not end the recording");
                assertEquals(List.of(new TargetExec(sampler.execs().getFirst().timeNanos(),
                    to.executable().toRealPath().toString(), Files.readString(t.dir().resolve("after")), true)),
                    sampler.execs());
                assertTwoPrograms(profile, t, from, to, after);
            }
        }
    }

    /**
     * Exec'd into a program that is not Python (a shell waiting for a file), which then execs a Python: the shell is
     * watched through, and the Python after it is read.
     */
    @ParameterizedTest(name = "{0} -> sh -> {1}")
    @MethodSource("crossVersions")
    void aLoneSamplerWaitsThroughAProgramThatIsNotPython(Pythons.Python from, Pythons.Python to) throws Exception {
        String shell = "while [ ! -e \"$1/back\" ]; do sleep 0.01; done; exec \"$2\" \"$1/exec_after.py\" \"$1\" " + RC;
        try (TargetProcess t = TargetProcess.start(from.executable(), "exec_before.py", "{dir}",
            "/bin/sh", "-c", shell, "sh", "{dir}", to.executable().toString())) {
            Path after = copy("exec_after.py", t.dir());
            Profile profile = new Profile();
            t.awaitFile("before");
            try (PythonTarget attached = t.attachWhenUp()) {
                Sampler sampler = attached.sampler(new SamplerOptions(200, null).withFollowExecs(true), profile);
                sampler.start();
                try {
                    t.await(() -> SamplesIn.count(profile, "before", t.script()) >= 5, "be sampled in before()");
                    Files.writeString(t.dir().resolve("exec"), "");
                    t.await(() -> !sampler.execs().isEmpty(), "have its exec into sh seen");
                    Files.writeString(t.dir().resolve("back"), "");
                    t.awaitFile("after");
                    t.await(() -> SamplesIn.count(profile, "after", after) >= 5 || sampler.outcome() != Sampler.Outcome.RUNNING,
                        "be sampled in after(), past the shell");
                    Files.writeString(t.dir().resolve("stop"), "");
                    assertEquals(Sampler.Outcome.TARGET_EXITED, sampler.awaitEnd(30, TimeUnit.SECONDS),
                        String.valueOf(sampler.failure()));
                } finally {
                    sampler.stop();
                    Files.writeString(t.dir().resolve("back"), "");
                    Files.writeString(t.dir().resolve("stop"), "");
                }
                assertEquals(RC, t.process().waitFor(), t.output());
                List<TargetExec> execs = sampler.execs();
                assertEquals(2, execs.size(), execs.toString());
                assertNull(execs.get(0).pythonVersion(), "sh is not Python: " + execs);
                assertEquals(Path.of("/bin/sh").toRealPath().toString(), execs.get(0).executable());
                assertEquals(Files.readString(t.dir().resolve("after")), execs.get(1).pythonVersion());
                assertTrue(execs.get(0).timeNanos() <= execs.get(1).timeNanos(), execs.toString());
                assertTwoPrograms(profile, t, from, to, after);
            }
        }
    }

    /** The oldest pyenv Python to Debian's static one (the newest when there is none) and back. */
    static Stream<Arguments> crossVersions() {
        List<Pythons.Python> chosen = Pythons.oldestNewestAndStatic();
        return Stream.of(Arguments.of(chosen.getFirst(), chosen.getLast()), Arguments.of(chosen.getLast(), chosen.getFirst()));
    }

    /**
     * {@link #crossVersions}, and the last of them (Debian's static python3) restarting itself: an exec into the same
     * non-PIE executable, read on without a failed read, seen by the main thread's stack moving.
     */
    static Stream<Arguments> crossVersionsAndStaticRestart() {
        Pythons.Python last = Pythons.oldestNewestAndStatic().getLast();
        return Stream.concat(crossVersions(), Stream.of(Arguments.of(last, last)));
    }

    /**
     * A {@link ProcessFollower} (--subprocesses) whose root execs another Python: the root is attached afresh as a new
     * entry with the same pid, and the root's exec is told.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("crossVersionsAndStaticRestart")
    void theFollowerFollowsItsRootIntoTheProgramItExecs(Pythons.Python from, Pythons.Python to) throws Exception {
        try (TargetProcess t = TargetProcess.start(from.executable(), "exec_before.py", "{dir}",
            to.executable().toString(), "{dir}/exec_after.py", "{dir}", Integer.toString(RC))) {
            Path after = copy("exec_after.py", t.dir());
            Profile profile = new Profile();
            t.awaitFile("before");
            ProcessFollower follower = new ProcessFollower(t.pid(), t.attachWhenUp(), new SamplerOptions(200, null),
                profile, Duration.ofSeconds(30));
            follower.start();
            try {
                t.await(() -> SamplesIn.count(profile, "before", t.script()) >= 5, "be sampled in before()");
                Files.writeString(t.dir().resolve("exec"), "");
                t.awaitFile("after");
                t.await(() -> SamplesIn.count(profile, "after", after) >= 5 || follower.outcome() != Sampler.Outcome.RUNNING,
                    "be sampled in after(), past its exec");
                Files.writeString(t.dir().resolve("stop"), "");
                assertEquals(Sampler.Outcome.TARGET_EXITED, follower.awaitEnd(30, TimeUnit.SECONDS),
                    String.valueOf(follower.failure()));
            } finally {
                follower.stop();
                Files.writeString(t.dir().resolve("stop"), "");
            }
            assertEquals(RC, t.process().waitFor(), t.output());
            List<TargetExec> execs = follower.execs();
            assertEquals(1, execs.size(), execs.toString());
            assertEquals(Files.readString(t.dir().resolve("after")), execs.getFirst().pythonVersion());
            assertTwoPrograms(profile, t, from, to, after);
        }
    }

    /**
     * Two entries with the target's pid: the first program's (its version and command line, ended at the exec) and
     * the second's (started then, ended at its exit); before() only under the first, after() only under the second,
     * each at its own file and lines.
     */
    private static void assertTwoPrograms(Profile profile, TargetProcess t, Pythons.Python from, Pythons.Python to,
                                          Path after) throws IOException {
        assertEquals(2, profile.processes().size(), "one entry per Python program");
        ProcessInfo first = profile.processes().get(0);
        ProcessInfo second = profile.processes().get(1);
        assertEquals(t.pid(), first.pid());
        assertEquals(t.pid(), second.pid());
        assertEquals(from.version().toString(), first.pythonVersion());
        assertEquals(to.version().toString(), second.pythonVersion());
        assertTrue(first.commandLine().contains("exec_before.py"), first.toString());
        assertTrue(second.commandLine().contains("exec_after.py"), second.toString());
        assertTrue(first.ended() && second.ended(), profile.processes().get(0) + " " + second);
        assertTrue(first.endMicros() <= second.startMicros(), first + " " + second);
        assertTrue(second.startMicros() <= second.endMicros(), second.toString());
        assertEquals(0, SamplesIn.count(profile, "before", t.script(), 1));
        assertEquals(0, SamplesIn.count(profile, "after", after, 0));
        assertTrue(SamplesIn.count(profile, "before", t.script(), 0) >= 5);
        assertTrue(SamplesIn.count(profile, "after", after, 1) >= 5);
        assertLinesWithin(profile, "before", t.script());
        assertLinesWithin(profile, "after", after);
    }

    /** Every frame of {@code function} is of {@code file}, on a line of its body. */
    private static void assertLinesWithin(Profile profile, String function, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int def = lines.indexOf("def " + function + "():") + 1;
        int end = def + 3; // the while, and the sum under it
        int seen = 0;
        for (int f = 0; f < profile.frames().size(); f++) {
            if (!function.equals(profile.functionName(f))) continue;
            seen++;
            assertEquals(file.toString(), profile.fileName(f));
            int line = profile.frames().line(f);
            assertTrue(line >= def && line < end, function + " at line " + line + " (def at " + def + ")");
            assertEquals(def, profile.frames().firstLine(f));
        }
        assertTrue(seen > 0, "no frame of " + function);
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path file = dir.resolve(resource);
        try (InputStream in = ExecFollowTest.class.getResourceAsStream(resource)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
