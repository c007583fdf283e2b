package dev.pyrometer.sampler;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleSink;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.proc.ProcFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lone {@link Sampler}'s side of following a launched program through its execs: between two programs it attaches
 * to the new one once it runs a CPython Pyrometer reads (a dynamically linked Python maps libpython a moment after
 * its exec, and starts its interpreter after that), and keeps watching one that is not Python until it ends or execs
 * again.
 *
 * <p>The recording then tells the programs apart as {@code --subprocesses} tells processes apart: at the first exec it
 * gets a process table, the first program's entry (its threads filed under it) ending when the exec was seen, and
 * each Python program after it gets an entry of its own, with the same pid and a later start. A recording without an
 * exec keeps no table, as before.
 */
final class ExecFollower {
    /** A new program that is not (yet) Python is tried again this long before only a further exec is waited for. */
    private static final long NOT_PYTHON_PATIENCE_NANOS = 2_000_000_000L;
    private static final long FIRST_RETRY_NANOS = 1_000_000;
    private static final long LAST_RETRY_NANOS = 50_000_000;
    /** A program that stays unreadable (permission, an interpreter that never starts) is tried this often at most. */
    private static final long SLOW_RETRY_NANOS = 1_000_000_000L;

    private final int pid;
    private final SampleSink recording;
    /** The first program's threads (sink indices), filed under its entry once the table starts. */
    private int[] firstThreads = new int[8];
    private int firstThreadCount;
    private boolean table;
    /** The entry of the program being read, or -1 (before the table starts, or between programs). */
    private int reading = -1;
    private volatile List<TargetExec> execs = List.of();

    // Between programs.
    private ExecWatch.Image waitingOn;
    private long seenAt;
    private long nextTry;
    private long delay;
    private boolean notPython;
    private boolean ended;

    ExecFollower(int pid, SampleSink recording) {
        this.pid = pid;
        this.recording = recording;
    }

    /** A thread the first program's sampler registered with the recording. */
    void registered(int thread) {
        if (table) return;
        if (firstThreadCount == firstThreads.length) firstThreads = Arrays.copyOf(firstThreads, firstThreadCount * 2);
        firstThreads[firstThreadCount++] = thread;
    }

    /**
     * The program read so far ({@code old}) was seen replaced by {@code now} at {@code time}: its entry ends there
     * (the table starts, if this is the first exec), and the next program is waited for.
     */
    void replaced(PythonTarget old, ExecWatch.Image now, long time) {
        if (!table) {
            table = true;
            reading = recording.process(info(old, 0));
            for (int i = 0; i < firstThreadCount; i++) recording.assignProcess(firstThreads[i], reading);
        }
        if (reading >= 0) recording.processEnded(reading, time);
        reading = -1;
        waitFor(now, time);
    }

    private void waitFor(ExecWatch.Image image, long time) {
        waitingOn = image;
        seenAt = time;
        nextTry = time;
        delay = FIRST_RETRY_NANOS;
        notPython = false;
        String executable = image != null ? image.path() : ProcFiles.executable(pid);
        add(new TargetExec(time, executable, null, true));
    }

    /**
     * Between programs, once a tick: the new program's target once it runs a CPython Pyrometer reads, else null (then
     * {@link #ended()} tells whether the process is gone).
     */
    PythonTarget poll(long time) {
        if (time < nextTry) return null;
        char state = ProcFiles.state(pid);
        if (state == 0 || state == 'Z' || state == 'X') {
            ended = true;
            return null;
        }
        ExecWatch.Image image = ExecWatch.image(pid);
        if (image != null && !image.equals(waitingOn)) {
            // Another executable: it exec'd again meanwhile. The stack alone moves while an exec is under way (the
            // kernel places it after the new memory is in), so an image read then differs from the settled one: that
            // is the same exec (an exec into the same program again, not Python either way, changes nothing here).
            if (waitingOn == null || !image.path().equals(waitingOn.path()) || !image.fileKey().equals(waitingOn.fileKey())) {
                waitFor(image, time);
            } else {
                waitingOn = image;
            }
        }
        if (notPython) {
            nextTry = time + LAST_RETRY_NANOS; // only another exec changes that: looked for 20 times a second
            return null;
        }
        try {
            PythonTarget target = PythonTarget.attach(pid);
            TargetExec last = execs.getLast();
            set(execs.size() - 1, last.attached(target.version().toString()));
            reading = recording.process(info(target, time / 1000));
            return target;
        } catch (PyrometerException e) {
            switch (e.exitCode()) {
                case SamplerErrors.NO_SUCH_PROCESS -> ended = true;
                case SamplerErrors.NOT_PYTHON, SamplerErrors.UNSUPPORTED_VERSION ->
                    notPython = time - seenAt > NOT_PYTHON_PATIENCE_NANOS;
                default -> { } // still starting, or not ours to read: tried again, less and less often
            }
            nextTry = time + delay;
            delay = Math.min(2 * delay, time - seenAt > NOT_PYTHON_PATIENCE_NANOS ? SLOW_RETRY_NANOS : LAST_RETRY_NANOS);
            return null;
        }
    }

    /** The process ended while no Python program of it was read. */
    boolean ended() {
        return ended;
    }

    /** Where the program just attached to ({@link #poll}) writes: under its own entry, as the recording's primary. */
    SampleSink sink() {
        return new ProcessSink(recording, reading, true);
    }

    /** The recording ended at {@code time}; the program being read has exited when {@code exited}. */
    void finish(long time, boolean exited) {
        if (exited && reading >= 0) recording.processEnded(reading, time);
    }

    /** The execs seen so far, oldest first (any thread). */
    List<TargetExec> execs() {
        return execs;
    }

    private ProcessInfo info(PythonTarget target, long startMicros) {
        return new ProcessInfo(pid, ProcFiles.parentPid(pid), -1, String.join(" ", target.commandLine()),
            target.version().toString(), startMicros, ProcessInfo.RUNNING);
    }

    private void add(TargetExec exec) {
        List<TargetExec> now = new ArrayList<>(execs);
        now.add(exec);
        execs = List.copyOf(now);
    }

    private void set(int index, TargetExec exec) {
        List<TargetExec> now = new ArrayList<>(execs);
        now.set(index, exec);
        execs = List.copyOf(now);
    }
}
