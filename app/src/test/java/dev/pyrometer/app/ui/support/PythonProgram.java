package dev.pyrometer.app.ui.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A real Python program for UI tests: a busy loop whose hot line is known, started with a unique marker argument
 * so the picker's filter finds exactly it. A {@link RealProgram}: started once it runs; closing it kills it.
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
            open(sys.argv[1] + "/ready", "w").close()
            deadline = time.time() + 300
            while time.time() < deadline:
                spin()

        main()
        """;

    private final RealProgram program;
    private final String marker;

    private PythonProgram(RealProgram program, String marker) {
        this.program = program;
        this.marker = marker;
    }

    /** Starts the program from a script in {@code dir} and waits until it runs. */
    public static PythonProgram start(Path dir) throws IOException {
        String marker = "ui-test-" + UUID.randomUUID().toString().substring(0, 8);
        return new PythonProgram(RealProgram.start(dir, "busy_target.py", SOURCE, marker), marker);
    }

    public int pid() {
        return program.pid();
    }

    public String marker() {
        return marker;
    }

    public Path script() {
        return program.script();
    }

    @Override
    public void close() {
        program.close();
    }
}
