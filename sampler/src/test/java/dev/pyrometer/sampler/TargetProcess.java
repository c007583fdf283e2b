package dev.pyrometer.sampler;

import dev.pyrometer.model.PyrometerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A test program run under one interpreter. The program is copied out of the test resources to a temporary
 * directory so that its file path is real; {@link #close()} kills it.
 */
public final class TargetProcess implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Process process;
    private final Path dir;
    private final Path script;
    /** Started detached (not our child): its pid, else 0. */
    private final long detachedPid;

    private TargetProcess(Process process, Path dir, Path script, long detachedPid) {
        this.process = process;
        this.dir = dir;
        this.script = script;
        this.detachedPid = detachedPid;
    }

    /** Starts {@code resource} (a .py file next to this class) with the given arguments; {@code {dir}} expands. */
    public static TargetProcess start(Path python, String resource, String... args) throws IOException {
        Path dir = Files.createTempDirectory("pyrometer-target");
        Path script = copyScript(resource, dir);
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        for (String a : args) command.add(a.replace("{dir}", dir.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve("output.txt").toFile()).start();
        return new TargetProcess(p, dir, script, 0);
    }

    /**
     * Like {@link #start}, but the program is not this JVM's child: a shell starts it in the background and exits,
     * so it is adopted by init (needed to ptrace it: the JVM's wait for its own children would take the stops).
     */
    public static TargetProcess startDetached(Path python, String resource, String... args) throws IOException {
        Path dir = Files.createTempDirectory("pyrometer-target");
        Path script = copyScript(resource, dir);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
            "\"$0\" \"$@\" > \"$OUT\" 2>&1 < /dev/null & echo $!", python.toString(), script.toString()));
        for (String a : args) command.add(a.replace("{dir}", dir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OUT", dir.resolve("output.txt").toString());
        Process shell = builder.start();
        String pid = new String(shell.getInputStream().readAllBytes()).strip();
        try {
            shell.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new TargetProcess(shell, dir, script, Long.parseLong(pid));
    }

    private static Path copyScript(String resource, Path dir) throws IOException {
        Path script = dir.resolve(resource);
        try (InputStream in = TargetProcess.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no test resource " + resource);
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    public int pid() {
        return (int) (detachedPid != 0 ? detachedPid : process.pid());
    }

    private boolean alive() {
        return detachedPid != 0 ? ProcessHandle.of(detachedPid).map(ProcessHandle::isAlive).orElse(false)
            && !zombie() : process.isAlive();
    }

    /** An exited process that nobody reaped yet (a detached target's new parent may not). */
    private boolean zombie() {
        return state() == 'Z';
    }

    public Path dir() {
        return dir;
    }

    public Path script() {
        return script;
    }

    public Process process() {
        return process;
    }

    /** Waits until the process has stopped itself: every one of its threads in state T. */
    public void awaitStopped() {
        await(this::allThreadsStopped, "stop itself");
    }

    private boolean allThreadsStopped() {
        try (var tasks = Files.list(Path.of("/proc", Integer.toString(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                if (stat.charAt(stat.lastIndexOf(')') + 2) != 'T') return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Attaches as soon as its interpreter can be read (a program just started may not have one yet). */
    public PythonTarget attachWhenUp() {
        PythonTarget[] attached = new PythonTarget[1];
        await(() -> {
            try {
                attached[0] = PythonTarget.attach(pid());
                return true;
            } catch (PyrometerException notYet) {
                return false;
            }
        }, "start its interpreter");
        return attached[0];
    }

    /** Waits until {@code file} in the program's directory exists. */
    public Path awaitFile(String name) {
        Path file = dir.resolve(name);
        await(() -> Files.exists(file), "write " + name);
        return file;
    }

    /** Polls a condition with a generous deadline (not a sleep for luck: the condition is a real event). */
    public void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (!alive()) throw new AssertionError("the target exited before it could " + what + ": " + output());
            if (System.nanoTime() > deadline) throw new AssertionError("the target did not " + what + " in time");
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public char state() {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return '?';
        }
    }

    /**
     * Whether the main thread is blocked in a sleeping system call (select/pselect6/poll/clock_nanosleep), as
     * {@code time.sleep} does. A plain 'S' state is not enough: a thread waiting for the GIL sleeps on a futex too.
     */
    public boolean mainThreadInSleepCall() {
        try {
            String syscall = Files.readString(Path.of("/proc", Integer.toString(pid()), "syscall")).strip();
            String number = syscall.split(" ", 2)[0];
            return switch (number) {
                case "7", "23", "230", "270" -> true; // poll, select, clock_nanosleep, pselect6 (x86-64)
                default -> false;
            };
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public String output() {
        try {
            return Files.readString(dir.resolve("output.txt"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        // Its children too (a shell's Python, a fork that exec'd): once the folder is gone they would never see the
        // file that ends them, and spin on after the test (seen: leftovers burning a CPU each for half an hour).
        List<ProcessHandle> family = ProcessHandle.of(pid()).map(h -> h.descendants().toList()).orElse(List.of());
        if (detachedPid != 0) {
            ProcessHandle.of(detachedPid).ifPresent(ProcessHandle::destroyForcibly);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (alive() && System.nanoTime() < deadline) Thread.onSpinWait();
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        family.forEach(ProcessHandle::destroyForcibly);
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
