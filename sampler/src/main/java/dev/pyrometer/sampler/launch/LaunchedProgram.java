package dev.pyrometer.sampler.launch;

import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.proc.ProcFiles;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A program Pyrometer starts as its own child (so it may read it even where Yama allows only a parent to), whose
 * output passes through to ours or is captured to files, and whose exit code we report. It never outlives us: if
 * the JVM exits (Ctrl-C, SIGTERM) before {@link #close()}, a shutdown hook ends the child.
 */
public final class LaunchedProgram implements AutoCloseable {
    /** Where the child's output goes. */
    public sealed interface Output permits PassThrough, Capture {}

    /** The child writes to our stdout and stderr. */
    public record PassThrough() implements Output {}

    /** The child's stdout and stderr go to these files. */
    public record Capture(File stdout, File stderr) implements Output {}

    private static final long POLL_MILLIS = 5;
    /** How long an ended program (and each of its children) has to exit after SIGTERM before SIGKILL. */
    private static final long END_GRACE_NANOS = 3_000_000_000L;
    /**
     * How long a refusal to read the child is taken for a passing state: while a shell, pyenv's shim or the dynamic
     * loader execs its way to Python, /proc/PID/maps can read as empty or the process be briefly unreadable, which
     * looks like a permission problem. A real one (Yama, a setuid program) still fails after this long.
     */
    private static final long PERMISSION_GRACE_NANOS = 2_000_000_000L;

    /**
     * Programs started and not closed, ended by one shutdown hook registered when this class loads. A program runs
     * before {@link ProcessBuilder#start()} returns it (the child has already exec'd when the JVM learns so): a signal
     * in that window finds it among the JVM's children while {@link #STARTING} counts it.
     */
    private static final Set<LaunchedProgram> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger STARTING = new AtomicInteger();
    /** Set by the hook before it ends the programs: one started after that is ended by its starter. */
    private static volatile boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exiting = true;
            if (STARTING.get() > 0) ProcessHandle.current().children().forEach(ProcessHandle::destroy);
            LIVE.forEach(LaunchedProgram::end);
        }, "pyrometer-end-children"));
    }

    private final List<String> command;
    private final Process process;

    private LaunchedProgram(List<String> command, Process process) {
        this.command = command;
        this.process = process;
    }

    /** Starts {@code command}; stdin is inherited in pass-through mode. */
    public static LaunchedProgram start(List<String> command, Output output) {
        return start(command, output, null, Map.of());
    }

    /**
     * Starts {@code command} in a working directory (null: ours) with variables added to our environment (the
     * desktop app's "Launch…" dialog); stdin is inherited in pass-through mode.
     */
    public static LaunchedProgram start(List<String> command, Output output, File directory, Map<String, String> environment) {
        if (command.isEmpty()) throw SamplerErrors.launchFailed("", "no command was given");
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) builder.directory(directory);
        builder.environment().putAll(environment);
        switch (output) {
            case PassThrough p -> builder.inheritIO();
            case Capture c -> builder.redirectOutput(c.stdout()).redirectError(c.stderr());
        }
        LaunchedProgram program;
        STARTING.incrementAndGet();
        try {
            program = new LaunchedProgram(command, builder.start());
            LIVE.add(program);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            String reason = message.contains("error=2") || message.contains("error: 2")
                ? "no such program (check the name and your PATH)" : e.getMessage();
            throw SamplerErrors.launchFailed(String.join(" ", command), reason);
        } finally {
            STARTING.decrementAndGet();
        }
        if (exiting) {
            program.close();
            throw SamplerErrors.launchFailed(String.join(" ", command), "Pyrometer is shutting down");
        }
        return program;
    }

    public int pid() {
        return (int) process.pid();
    }

    public List<String> command() {
        return command;
    }

    public Process process() {
        return process;
    }

    /**
     * Waits until the child's interpreter is up and attaches to it. The child may take a moment (a shell wrapper,
     * pyenv's shim, imports before the interpreter exists); retries until it attaches, exits or the time is up.
     *
     * @throws PyrometerException if the child exits first, never becomes Python, or cannot be read
     */
    public PythonTarget attachWhenReady(Duration patience) {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        PyrometerException last = null;
        while (process.isAlive()) {
            try {
                return PythonTarget.attach(pid());
            } catch (PyrometerException e) {
                boolean passing = e.exitCode() == SamplerErrors.PERMISSION_DENIED
                    && System.nanoTime() - start < Math.min(PERMISSION_GRACE_NANOS, patience.toNanos());
                if (e.exitCode() == SamplerErrors.UNSUPPORTED_VERSION
                    || (e.exitCode() == SamplerErrors.PERMISSION_DENIED && !passing)) {
                    throw e;
                }
                last = e;
            }
            if (System.nanoTime() > deadline) break;
            try {
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!process.isAlive()) {
            throw new PyrometerException("`" + String.join(" ", command) + "` exited with code " + process.exitValue()
                + " before its Python interpreter could be read; nothing was recorded.", SamplerErrors.NO_INTERPRETER, null);
        }
        throw last != null ? last : SamplerErrors.noInterpreter(pid(), "it did not start a Python interpreter in time");
    }

    /** Waits for the child to exit and returns its exit code (128 + signal for a signal, as shells do). */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    public boolean alive() {
        return process.isAlive();
    }

    private static boolean running(ProcessHandle process) {
        char state = ProcFiles.state(process.pid());
        return state != 0 && state != 'Z';
    }

    /** Ends the child and the processes it started if it still runs (SIGTERM, then SIGKILL after a grace period). */
    @Override
    public void close() {
        LIVE.remove(this);
        end(); // ending twice (here and in the hook) is harmless
    }

    private void end() {
        if (!process.isAlive()) return;
        // Its own children too (a subprocess, a worker pool): orphaned, they would run on after the recording. Listed
        // first: once their parent is gone they are no longer its descendants.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + END_GRACE_NANOS;
        try {
            if (!process.waitFor(END_GRACE_NANOS, TimeUnit.NANOSECONDS)) process.destroyForcibly().waitFor();
            // Not our children: no wait reports their exit, so look (an exited one may stay a zombie for a while).
            while (children.stream().anyMatch(LaunchedProgram::running) && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
            }
            children.stream().filter(LaunchedProgram::running).forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
