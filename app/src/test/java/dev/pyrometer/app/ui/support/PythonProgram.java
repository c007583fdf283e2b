package dev.pyrometer.app.ui.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Python program for UI tests: a busy loop whose hot line is known, started with a unique marker argument
 * so the picker's filter finds exactly it. Closing it kills it.
 */
public final class PythonProgram implements AutoCloseable {
    /** The line of {@link #SOURCE} where the program spends its time. */
    public static final int HOT_LINE = 6;
    public static final String SOURCE = """
        import sys
        import time

        def spin():
            total = 0
            for i in range(20000):  total += i * i  # hot
            return total

        def main():
            deadline = time.time() + 300
            while time.time() < deadline:
                spin()

        main()
        """;

    private final Process process;
    private final Path script;
    private final String marker;

    private PythonProgram(Process process, Path script, String marker) {
        this.process = process;
        this.script = script;
        this.marker = marker;
    }

    /** Starts the program from a script in {@code dir}; skips the test when no Python 3 is installed. */
    public static PythonProgram start(Path dir) throws IOException {
        Path python = python();
        Path script = Files.writeString(dir.resolve("busy_target.py"), SOURCE);
        String marker = "ui-test-" + UUID.randomUUID().toString().substring(0, 8);
        Process process = new ProcessBuilder(List.of(python.toString(), script.toString(), marker))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new PythonProgram(process, script, marker);
    }

    /** A CPython the sampler reads: the pyenv 3.11 build if present, else the system's. */
    public static Path python() {
        for (String candidate : List.of("/root/.pyenv/versions/3.11.7/bin/python3", "/usr/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        Assumptions.abort("no Python 3 to profile");
        return null;
    }

    public int pid() {
        return (int) process.pid();
    }

    public String marker() {
        return marker;
    }

    public Path script() {
        return script;
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
