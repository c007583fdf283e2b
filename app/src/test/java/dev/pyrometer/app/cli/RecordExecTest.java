package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.sampler.SamplesIn;
import dev.pyrometer.sampler.MetadataKeys;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetExec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code record -- CMD} follows a launched program through an exec into another Python: one recording with both
 * programs' samples, the final program's exit code, one line saying so. {@code record --pid} alone still ends at the
 * exec and says what would follow it. The programs wait for files the test writes once the live session on disk
 * holds the samples it needs.
 */
class RecordExecTest {
    private static final int RC = 7;
    @TempDir
    Path dir;

    /** 3.8 to 3.13 (the oldest and newest pyenv Pythons), and Debian's python3 to pyenv 3.12. */
    static Stream<Arguments> pairs() {
        List<Pythons.Python> all = Pythons.all();
        List<Pythons.Python> pyenv = all.stream().filter(p -> p.label().startsWith("pyenv"))
            .sorted(Comparator.comparingInt(p -> p.version().minor())).toList();
        List<Arguments> pairs = new ArrayList<>();
        if (pyenv.size() > 1) pairs.add(Arguments.of(pyenv.getFirst(), pyenv.getLast()));
        all.stream().filter(p -> p.label().startsWith("debian")).findFirst().ifPresent(debian -> pairs.add(
            Arguments.of(debian, pyenv.stream().filter(p -> p.version().minor() == 12).findFirst()
                .orElse(pyenv.isEmpty() ? debian : pyenv.getLast()))));
        if (pairs.isEmpty()) pairs.add(Arguments.of(all.getFirst(), all.getLast()));
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void aLaunchedProgramIsFollowedThroughItsExec(Pythons.Python from, Pythons.Python to) throws Exception {
        Path before = copy("exec_before.py");
        Path after = copy("exec_after.py");
        Path out = dir.resolve("exec.pyro");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("record", "-r", "200", "-o",
            out.toString(), "--", from.executable().toString(), before.toString(), dir.toString(),
            to.executable().toString(), after.toString(), dir.toString(), Integer.toString(RC)));
        try {
            awaitOnDisk(run, out, p -> SamplesIn.count(p, "before", before) >= 5, "samples of before()");
            Files.writeString(dir.resolve("exec"), "");
            awaitOnDisk(run, out, p -> SamplesIn.count(p, "after", after) >= 5, "samples of after(), past the exec");
        } finally {
            Files.writeString(dir.resolve("exec"), "");
            Files.writeString(dir.resolve("stop"), "");
        }
        CliRun done = run.get(60, TimeUnit.SECONDS);
        assertEquals(RC, done.exitCode(), done.err() + done.failure());
        String version = Files.readString(dir.resolve("after"));
        assertTrue(done.err().contains("pyrometer: process ") && done.err().contains(" exec'd "
            + to.executable().toRealPath() + " (Python " + version + ") and was followed"), done.err());
        Profile profile = ProfileFiles.read(out).profile();
        assertEquals(2, profile.processes().size(), "an entry per program");
        ProcessInfo first = profile.processes().get(0);
        ProcessInfo second = profile.processes().get(1);
        assertEquals(first.pid(), second.pid());
        assertEquals(from.version().toString(), first.pythonVersion());
        assertEquals(version, second.pythonVersion());
        assertTrue(first.endMicros() <= second.startMicros(), first + " then " + second);
        assertTrue(SamplesIn.count(profile, "before", before) >= 5 && SamplesIn.count(profile, "after", after) >= 5);
        assertEquals(String.valueOf(RC), profile.metadata(MetadataKeys.EXIT_CODE));
        // Collapsed output names each program's process, as --subprocesses does.
        Path collapsed = dir.resolve("exec.txt");
        assertEquals(0, CliRun.of("convert", out.toString(), collapsed.toString()).exitCode());
        String text = Files.readString(collapsed);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("process " + first.pid() + ":\"") && l.contains(";before (")
            && l.contains("exec_before.py")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("process " + first.pid() + ":\"") && l.contains(";after (")
            && l.contains("exec_after.py")), text);
    }

    /**
     * {@code record -s} of a shell whose Python child execs another Python: the child is two entries with its pid (the
     * first ended at the exec), each with its own function; the shell's exit code is returned.
     */
    @Test
    void aSubprocessThatExecsIsFollowedIntoItsNewProgram() throws Exception {
        Pythons.Python from = Pythons.oldestNewestAndStatic().getFirst();
        Pythons.Python to = Pythons.oldestNewestAndStatic().getLast();
        Path before = copy("exec_before.py");
        Path after = copy("exec_after.py");
        Path out = dir.resolve("family.pyro");
        String shell = "\"$1\" \"$2\" \"$3\" \"$4\" \"$5\" \"$3\" " + RC + "; exit $?";
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("record", "-s", "-r", "200",
            "-o", out.toString(), "--", "/bin/sh", "-c", shell, "sh", from.executable().toString(), before.toString(),
            dir.toString(), to.executable().toString(), after.toString()));
        try {
            awaitOnDisk(run, out, p -> SamplesIn.count(p, "before", before) >= 5, "samples of before()");
            Files.writeString(dir.resolve("exec"), "");
            awaitOnDisk(run, out, p -> SamplesIn.count(p, "after", after) >= 5, "samples of after(), past the exec");
        } finally {
            Files.writeString(dir.resolve("exec"), "");
            Files.writeString(dir.resolve("stop"), "");
        }
        CliRun done = run.get(60, TimeUnit.SECONDS);
        assertEquals(RC, done.exitCode(), done.err() + done.failure());
        Profile profile = ProfileFiles.read(out).profile();
        int child = Integer.parseInt(Files.readString(dir.resolve("before")));
        List<ProcessInfo> entries = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (int p = 0; p < profile.processes().size(); p++) {
            if (profile.processes().get(p).pid() != child) continue;
            entries.add(profile.processes().get(p));
            indices.add(p);
        }
        assertEquals(2, entries.size(), "the child before and after its exec: " + entries);
        assertEquals(from.version().toString(), entries.get(0).pythonVersion());
        assertEquals(to.version().toString(), entries.get(1).pythonVersion());
        assertTrue(entries.get(0).ended() && entries.get(0).endMicros() <= entries.get(1).startMicros(), entries.toString());
        assertEquals(0, SamplesIn.count(profile, "after", after, indices.get(0)));
        assertEquals(0, SamplesIn.count(profile, "before", before, indices.get(1)));
        assertTrue(SamplesIn.count(profile, "before", before, indices.get(0)) >= 5);
        assertTrue(SamplesIn.count(profile, "after", after, indices.get(1)) >= 5);
    }

    @Test
    void recordingByPidAloneEndsAtTheExecAndSaysWhatWouldFollowIt() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Path before = copy("exec_before.py");
        Path after = copy("exec_after.py");
        Process target = new ProcessBuilder(python.executable().toString(), before.toString(), dir.toString(),
            python.executable().toString(), after.toString(), dir.toString(), Integer.toString(RC))
            .redirectErrorStream(true).redirectOutput(dir.resolve("target.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(dir.resolve("before"))) {
                assertTrue(target.isAlive() && System.nanoTime() < deadline, "the target did not start");
                Thread.sleep(5);
            }
            Path out = dir.resolve("pid.pyro");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("record", "-r", "200",
                "--pid", Long.toString(target.pid()), "-o", out.toString()));
            awaitOnDisk(run, out, p -> SamplesIn.count(p, "before", before) >= 5, "samples of before()");
            Files.writeString(dir.resolve("exec"), "");
            CliRun done = run.get(60, TimeUnit.SECONDS);
            assertEquals(0, done.exitCode(), done.err() + done.failure());
            assertTrue(done.err().contains("pyrometer: process " + target.pid() + " replaced its program (exec "
                + python.executable().toRealPath() + "); the recording ends there; record it with --subprocesses, or"
                + " launch it with `record -- CMD`, to follow it into its new program."), done.err());
            Profile profile = ProfileFiles.read(out).profile();
            assertEquals(0, profile.processes().size(), "one program recorded: no process table");
            assertEquals(0, SamplesIn.count(profile, "after", after));
        } finally {
            Files.writeString(dir.resolve("exec"), "");
            Files.writeString(dir.resolve("stop"), "");
            target.destroyForcibly().waitFor();
        }
    }

    @Test
    void theExecLineSaysWhatWasFollowed() {
        assertEquals("process 5 exec'd /bin/dash (not Python), then /py/python3.13 (Python 3.13.0) and was followed:"
            + " each Python program is recorded under a process entry of its own; a program that is not Python has"
            + " nothing to read and is watched until it ends or execs.", RecordCommand.execLine(5, List.of(
                new TargetExec(1, "/bin/dash", null, true), new TargetExec(2, "/py/python3.13", "3.13.0", true)), true));
        assertEquals("process 5 exec'd /bin/sleep (not Python) and was followed: a program that is not Python has"
            + " nothing to read and is watched until it ends or execs.", RecordCommand.execLine(5, List.of(
                new TargetExec(1, "/bin/sleep", null, true)), true));
        assertEquals("process 5 replaced its program (exec /bin/sleep); the recording ends there; record it with"
            + " --subprocesses, or launch it with `record -- CMD`, to follow it into its new program.",
            RecordCommand.execLine(5, List.of(new TargetExec(1, "/bin/sleep", null, false)), false));
    }

    /** Polls the live session until {@code condition} holds (a flush every half second puts samples on disk). */
    private static void awaitOnDisk(CompletableFuture<CliRun> run, Path session, Predicate<Profile> condition,
                                    String what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            if (run.isDone()) throw new AssertionError("the recording ended before " + what + ": " + run.get().err());
            if (Files.exists(session)) {
                try {
                    if (condition.test(ProfileFiles.read(session).profile())) return;
                } catch (RuntimeException notYetReadable) {
                    // a file still being started: read again
                }
            }
            assertTrue(System.nanoTime() < deadline, "no " + what + " on disk within a minute");
            Thread.sleep(50);
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
