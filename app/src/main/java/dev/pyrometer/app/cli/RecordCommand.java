package dev.pyrometer.app.cli;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.interchange.ExportOptions;
import dev.pyrometer.model.interchange.Format;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.model.session.SessionRecorder;
import dev.pyrometer.sampler.MetadataKeys;
import dev.pyrometer.sampler.ProcessFollower;
import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.Sampler;
import dev.pyrometer.sampler.SamplingLoop;
import dev.pyrometer.sampler.SamplerOptions;
import dev.pyrometer.sampler.SamplerStats;
import dev.pyrometer.sampler.TargetExec;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.launch.LaunchedProgram;
import dev.pyrometer.sampler.walk.StackWalk;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pyrometer record}: samples a running process ({@code --pid}) or a command it launches ({@code -- CMD…})
 * until the target exits, the duration ends or Ctrl-C, then writes the recording and one summary line. With
 * {@code -- CMD} it exits with the program's own code when the program ended by itself, and 0 when the duration ended
 * the recording and Pyrometer ended the program.
 */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Record where a Python program spends its time, without changing it (nor pausing it, unless"
        + " --blocking).")
public final class RecordCommand implements Callable<Integer> {
    private static final Duration LAUNCH_PATIENCE = Duration.ofSeconds(10);
    /** The longest -d (about 31 years): longer ones (and infinity) mean "no -d", which is said by leaving it out. */
    static final double MAX_DURATION_SECONDS = 1e9;

    @Option(names = {"-p", "--pid"}, paramLabel = "PID", description = "The running process to record.")
    Integer pid;

    @Option(names = {"-r", "--rate"}, paramLabel = "HZ", defaultValue = "100",
        description = "Samples per second (default ${DEFAULT-VALUE}; up to 10000 and more).")
    double rate;

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS",
        description = "Stop after this many seconds (default: until the program exits or Ctrl-C). A program started"
            + " after `--` is then ended, and record exits 0.")
    Double duration;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Where to write (default: pyrometer-PID.pyro, a session the desktop app opens).")
    Path output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
        description = "session (saved as it records; survives a crash), collapsed (py-spy's raw format, for"
            + " flamegraph.pl), speedscope, pprof, svg or html. Default: from the file extension, else session.")
    String format;

    @Option(names = "--idle", description = "Include samples of threads that were not running.")
    boolean idle;

    @Option(names = "--gil", description = "Only include samples of the thread holding the GIL.")
    boolean gil;

    @Option(names = {"-t", "--threads"}, description = "Start each stack with its thread.")
    boolean threads;

    @Option(names = "--nonblocking", description = "Read without pausing the target (the default).")
    boolean nonblocking;

    @Option(names = "--blocking", description = "Pause every thread of the target (ptrace) while each sample is read:"
        + " perfectly consistent stacks, at a cost to the target. With --pid only.")
    boolean blocking;

    @Option(names = "--native", description = "Also record the C functions each thread runs (its C stack, unwound"
        + " with each library's call-frame tables and merged with the Python frames): numpy, zlib, your extension."
        + " Holds the threads still at every sample as --blocking does (a cost to the target). With --pid only.")
    boolean nativeFrames;

    @Option(names = "--native-plumbing", description = "With --native, also keep the interpreter's own call"
        + " plumbing (calls, vectorcall trampolines, start-up), hidden by default.")
    boolean plumbing;

    @Option(names = {"-s", "--subprocesses"}, description = "Also record every Python process the target starts"
        + " (children, grandchildren, through shells), each under its own `process PID:\"COMMAND\"` root.")
    boolean subprocesses;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "After `--`: a program to launch and record.")
    List<String> command = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((pid == null) == command.isEmpty()) {
            throw UsageError.of("give either --pid PID or a command after `--` (e.g. pyrometer record -- python3"
                + " app.py), not both or neither.");
        }
        UsageError.checkPauseFlags(blocking, nonblocking);
        UsageError.checkNativeFlags(nativeFrames, nonblocking, plumbing);
        if (nativeFrames && pid == null) {
            throw UsageError.of("--native works with --pid only: it holds the threads still with ptrace, which a"
                + " program Pyrometer starts (the JVM's own child) cannot be; start the program yourself and record"
                + " it with --pid.");
        }
        if (blocking && pid == null) {
            throw UsageError.of("--blocking works with --pid only: a program Pyrometer starts is the JVM's own"
                + " child, whose stops under ptrace the JVM's wait for its exit would take; start the program yourself"
                + " and record it with --pid, or leave --blocking out.");
        }
        if ((blocking || nativeFrames) && subprocesses) {
            throw UsageError.of((blocking ? "--blocking" : "--native") + " and --subprocesses do not go together: it holds one process"
                + " still while it is read; leave one of them out.");
        }
        if (!(rate >= 1 && rate <= SamplerOptions.MAX_RATE)) {
            throw UsageError.of("the rate must be between 1 and " + (int) SamplerOptions.MAX_RATE
                + " samples per second.");
        }
        if (duration != null && !(duration > 0)) {
            throw UsageError.of("the duration must be a positive number of seconds.");
        }
        if (duration != null && duration > MAX_DURATION_SECONDS) {
            throw UsageError.of("the duration must be at most " + (long) MAX_DURATION_SECONDS + " seconds; to record"
                + " until the program ends (or Ctrl-C), leave -d out.");
        }
        Format chosen = chooseFormat();
        checkWritable(output);
        SamplerOptions options = new SamplerOptions(rate,
            duration == null ? null : Duration.ofNanos((long) (duration * 1e9)), blocking)
            .withNative(nativeFrames, plumbing);
        if (subprocesses) return recordFamily(options, chosen);
        if (pid != null) {
            try (PythonTarget target = PythonTarget.attach(pid)) {
                return record(target.pid(), profile -> target.sampler(options, profile), null, chosen,
                    pathFor(target.pid(), chosen));
            }
        }
        // A program we launched is ours to the end: an exec (a restart, a wrapper script) is followed into what it runs.
        try (LaunchedProgram program = LaunchedProgram.start(command, new LaunchedProgram.PassThrough());
             PythonTarget target = program.attachWhenReady(LAUNCH_PATIENCE)) {
            return record(program.pid(), profile -> target.sampler(options.withFollowExecs(true), profile), program,
                chosen, pathFor(program.pid(), chosen));
        }
    }

    /**
     * {@code --subprocesses}: the target and its Python descendants. The target itself need not be Python (a shell
     * or a launcher script): its descendants are, or the recording fails after {@link #LAUNCH_PATIENCE}.
     */
    private int recordFamily(SamplerOptions options, Format chosen) throws Exception {
        if (pid != null) {
            PythonTarget root = null;
            try {
                root = PythonTarget.attach(pid);
            } catch (PyrometerException e) {
                if (e.exitCode() != SamplerErrors.NOT_PYTHON) throw e;
            }
            PythonTarget attached = root;
            return record(pid, profile -> new ProcessFollower(pid, attached, options, profile, LAUNCH_PATIENCE), null,
                chosen, pathFor(pid, chosen));
        }
        try (LaunchedProgram program = LaunchedProgram.start(command, new LaunchedProgram.PassThrough())) {
            return record(program.pid(),
                profile -> new ProcessFollower(program.pid(), null, options, profile, LAUNCH_PATIENCE), program, chosen,
                pathFor(program.pid(), chosen));
        }
    }

    private int record(int targetPid, java.util.function.Function<Profile, SamplingLoop> samplerFor,
                       LaunchedProgram program, Format chosen, Path path) throws Exception {
        Profile profile = new Profile();
        SamplingLoop sampler = samplerFor.apply(profile);
        // A session is written as it records, so a crash or kill -9 leaves everything up to the last half second.
        SessionRecorder live = chosen == Format.SESSION ? SessionRecorder.start(profile, path) : null;
        PrintWriter err = spec.commandLine().getErr();
        // Told the moment it happens, not an hour later: the recording goes on in memory meanwhile.
        if (live != null) live.onFailure(e -> {
            err.println("pyrometer: " + e.getMessage() + " Recording goes on in memory; it is written again at the end.");
            err.flush();
        });
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: stop sampling and let the main thread write what was recorded before the JVM exits.
        Thread onInterrupt = new Thread(() -> {
            sampler.stop();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pyrometer-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        // A launched program got the terminal's Ctrl-C too: let it clean up and exit by itself, recording meanwhile.
        InterruptGrace grace = program == null ? null : InterruptGrace.install(program, sampler::stop);
        try {
            sampler.start();
            Sampler.Outcome outcome = sampler.awaitEnd();
            String execed = sampler.replacedBy();
            List<TargetExec> execs = sampler.execs();
            if (!execs.isEmpty()) {
                // Said once, not as an error a tick: followed into the new program, or ended there as at an exit.
                err.println("pyrometer: " + execLine(targetPid, execs, program != null));
                err.flush();
            }
            Integer exitCode = null;
            if (program != null) {
                // The duration ended, Ctrl-C or a failure: end what we started (it may be ending on its own already).
                if (outcome != Sampler.Outcome.TARGET_EXITED) program.close();
                exitCode = program.waitFor();
                profile.metadata(MetadataKeys.EXIT_CODE, Integer.toString(exitCode));
            }
            PyrometerException autosaveFailure = null;
            long written;
            try {
                written = finish(profile, live, chosen, path);
            } catch (PyrometerException failed) {
                if (live == null || live.failure() == null) throw failed;
                autosaveFailure = failed;
                written = writeAgain(profile, path);
            }
            if (outcome == Sampler.Outcome.FAILED && sampler.failure() instanceof PyrometerException userError) {
                throw userError; // e.g. ptrace not allowed for --blocking: one line that says why
            }
            if (outcome == Sampler.Outcome.FAILED) {
                throw new IllegalStateException("the sampler failed (what was recorded is in " + path + ")",
                    sampler.failure());
            }
            SamplerStats stats = sampler.stats();
            // The duration ended a program Pyrometer started: the recording is what was asked for, so it succeeds
            // (the program's 143 from our SIGTERM would read as a failure to any script or CI).
            boolean endedByDuration = program != null && outcome == Sampler.Outcome.DURATION_ELAPSED;
            err.println("pyrometer: " + summary(stats) + processes(sampler) + (written >= 0 ? "; wrote " + written + " samples to "
                : "; could not write all of ") + path + " ("
                + chosen.cliName() + ")" + (endedByDuration ? String.format(Locale.ROOT,
                "; the program was ended when the %s s of -d ran out", seconds(duration)) : ""));
            err.flush();
            if (autosaveFailure != null) throw whatWasKept(autosaveFailure, written, path);
            if (endedByDuration) return 0;
            if (program != null) return exitCode;
            if (outcome == Sampler.Outcome.TARGET_EXITED && duration != null) {
                throw new PyrometerException(String.format(Locale.ROOT, "process %d %s after %.1f s, before the"
                    + " %.1f s asked for; what was recorded until then is in %s.", targetPid,
                    execed != null ? "replaced its program (exec)" : "exited",
                    stats.elapsedNanos() / 1e9, duration, path), SamplerErrors.TARGET_EXITED, null);
            }
            return 0;
        } finally {
            if (grace != null) grace.close();
            if (live != null) live.close(); // idempotent: ends the session file on every path out
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waits for `finished`
            }
        }
    }

    /**
     * After the session could not be written while recording: writes the whole recording once more (a new file renamed
     * into place, so the part written so far stays if this fails too). Returns the samples now in the file, or -1 when
     * it still cannot be written.
     */
    private static long writeAgain(Profile profile, Path path) {
        try {
            return ProfileFiles.write(profile, path, Format.SESSION);
        } catch (PyrometerException stillFailing) {
            return -1;
        }
    }

    /** The one line an autosave failure ends with (exit code 13), saying what the file holds. */
    private static PyrometerException whatWasKept(PyrometerException failure, long written, Path path) {
        String kept = written >= 0
            ? " It was written again in full at the end (" + written + " samples)."
            : " " + path + " keeps what was written before that; the rest of the recording could not be saved.";
        return FileErrors.unwritable(failure.getMessage() + kept, failure);
    }

    private static boolean readOnly(Path dir) {
        try {
            return Files.getFileStore(dir).isReadOnly();
        } catch (java.io.IOException unknown) {
            return false; // the write itself will say
        }
    }

    /** {@code 8} for 8.0, {@code 2.5} for 2.5: the duration as the user typed it. */
    private static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * What the target's execs did to the recording, in one line: followed (a launched program, --subprocesses), or
     * the recording ended there (--pid alone: every address read of the old program is void).
     */
    static String execLine(int pid, List<TargetExec> execs, boolean launched) {
        TargetExec last = execs.getLast();
        if (!last.followed()) {
            return "process " + pid + " replaced its program (exec " + last.executable() + "); the recording ends there"
                + (launched ? ", and the program is waited for."
                : "; record it with --subprocesses, or launch it with `record -- CMD`, to follow it into its new program.");
        }
        StringBuilder line = new StringBuilder("process " + pid + " exec'd ");
        for (int i = 0; i < execs.size(); i++) line.append(i == 0 ? "" : ", then ").append(execs.get(i).describe());
        boolean python = execs.stream().anyMatch(e -> e.pythonVersion() != null);
        boolean other = execs.stream().anyMatch(e -> e.pythonVersion() == null);
        return line.append(" and was followed: ")
            .append(python ? "each Python program is recorded under a process entry of its own" : "")
            .append(python && other ? "; " : "")
            .append(other ? "a program that is not Python has nothing to read and is watched until it ends or execs" : "")
            .append('.').toString();
    }

    /** With --subprocesses: how many processes, and the sampling CPU of reading one process once. */
    private String processes(SamplingLoop sampler) {
        if (!(sampler instanceof ProcessFollower follower)) return "";
        return String.format(Locale.ROOT, "; %d process%s (%.1f µs per process sample)", follower.processes(),
            follower.processes() == 1 ? "" : "es", follower.cpuPerProcessSampleMicros());
    }

    static String summary(SamplerStats s) {
        return String.format(Locale.ROOT, "%d samples, %d errors, %d late ticks in %.2f s (%.1f Hz achieved);"
                + " sampler CPU %.1f µs per sample", s.samples(), s.errors(), s.lateTicks(), s.elapsedNanos() / 1e9,
            s.achievedRate(), s.cpuPerSampleMicros())
            + (s.unheldThreads() == 0 ? "" : "; " + s.unheldThreads() + " times a thread would not stop (an"
                + " uninterruptible wait) and was read without being held")
            + (s.cutStacks() == 0 ? "" : "; " + s.cutStacks() + " stacks deeper than " + StackWalk.MAX_DEPTH
                + " frames kept their outermost frames, the rest marked [N frames cut]")
            + (s.cutNames() == 0 ? "" : "; " + s.cutNames() + " names too long, cut and marked");
    }

    /** Ends a live session, or writes an export of the whole recording atomically; returns the samples written. */
    private long finish(Profile profile, SessionRecorder live, Format chosen, Path path) {
        if (live != null) {
            live.close();
            return live.samplesWritten();
        }
        Selection selection = Selection.ALL.withIdle(idle).withGilOnly(gil);
        return ProfileFiles.write(profile, path, chosen, new ExportOptions(selection, KeyBy.FUNCTION, threads));
    }

    /** {@code -f} wins; else the output file's extension; else a session. */
    private Format chooseFormat() {
        if (format != null) {
            Format named = Format.named(format);
            if (named == null) {
                throw UsageError.of("unknown output format '" + format + "'; use one of: " + Format.cliNames() + ".");
            }
            return named;
        }
        Format byExtension = output == null ? null : Format.ofPath(output);
        return byExtension != null ? byExtension : Format.SESSION;
    }

    private Path pathFor(int targetPid, Format chosen) {
        return output != null ? output : Path.of("pyrometer-" + targetPid + chosen.defaultExtension());
    }

    /**
     * Fails before recording, not after, when the output cannot be written: with {@code convert}'s exit code
     * ({@link FileErrors#UNWRITABLE}) and words.
     */
    private static void checkWritable(Path output) {
        if (output == null) return;
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw FileErrors.unwritable("cannot write " + output + ": the folder " + dir + " does not exist.",
                new NoSuchFileException(String.valueOf(dir)));
        }
        if (Files.isDirectory(output)) throw FileErrors.unwritable("cannot write " + output + ": it is a directory.", null);
        if (readOnly(dir)) throw FileErrors.unwritable("cannot write " + output + ": read-only file system.", null);
        if (!Files.isWritable(dir)) {
            throw FileErrors.unwritable("cannot write " + output + ": " + whyNotWritable(dir) + ".", null);
        }
        if (Files.exists(output) && !Files.isWritable(output)) {
            throw FileErrors.unwritable("cannot write " + output + ": permission denied.", null);
        }
    }

    /**
     * Why a folder refuses new files, found by trying: a read-only mount the file store does not report as such (a
     * read-only bind mount) answers "not writable" exactly as a permission would.
     */
    private static String whyNotWritable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".pyrometer-probe-", ""));
            return "permission denied";
        } catch (java.io.IOException e) {
            return FileErrors.reason(e, dir.resolve("probe"));
        }
    }
}
