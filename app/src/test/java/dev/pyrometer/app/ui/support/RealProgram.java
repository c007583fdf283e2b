package dev.pyrometer.app.ui.support;

import dev.pyrometer.model.Profile;
import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.Sampler;
import dev.pyrometer.sampler.SamplerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real Python program recorded by the real sampler, for tests of what the views make of real recordings. The
 * script gets a directory as its first argument and says where it is by creating files there ({@code ready}, then
 * whatever it promises); the test waits on those files, never on time. Closing kills the program.
 */
public final class RealProgram implements AutoCloseable {
    private static final long DEADLINE_NANOS = 60_000_000_000L;

    private final Process process;
    private final Path dir;
    private final Path script;

    private RealProgram(Process process, Path dir, Path script) {
        this.process = process;
        this.dir = dir;
        this.script = script;
    }

    /** Writes {@code source} to {@code dir/name} and starts it with a CPython the sampler reads. */
    public static RealProgram start(Path dir, String name, String source, String... args) throws IOException {
        Path script = Files.writeString(dir.resolve(name), source);
        List<String> command = new ArrayList<>(List.of(python().toString(), script.toString(), dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".out").toFile()).start();
        RealProgram program = new RealProgram(process, dir, script);
        program.awaitFile("ready");
        return program;
    }

    /** pyenv's 3.11 when installed (the version the benchmarks use), else the newest one found. */
    static Path python() {
        List<Pythons.Python> all = Pythons.all();
        return all.stream().filter(p -> p.version().minor() == 11).findFirst().orElse(all.getLast()).executable();
    }

    public Path script() { return script; }
    public int pid() { return (int) process.pid(); }

    /**
     * Records the program at {@code rateHz}: starts the sampler, then creates {@code go} in the program's directory
     * (null: none) so the program starts what the test wants recorded, and stops once the program created
     * {@code until}.
     */
    public Profile record(double rateHz, String go, String until) throws IOException {
        Profile profile = new Profile();
        try (PythonTarget target = PythonTarget.attach(pid())) {
            Sampler sampler = target.sampler(SamplerOptions.of(rateHz), profile);
            sampler.start();
            try {
                if (go != null) Files.createFile(dir.resolve(go));
                awaitFile(until);
            } finally {
                sampler.stop();
            }
        }
        return profile;
    }

    /** True once the program has created {@code name} in its directory. */
    public boolean has(String name) {
        return Files.exists(dir.resolve(name));
    }

    public void awaitFile(String name) {
        await(() -> has(name), "create " + name);
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) throw new AssertionError("the program exited before it could " + what + ": " + output());
            if (System.nanoTime() > deadline) throw new AssertionError("the program did not " + what + " in time");
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String output() {
        try {
            return Files.readString(dir.resolve(script.getFileName() + ".out"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
