package dev.pyrometer.app.ui.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A directory of fake editors for tests: shell scripts named like real ones ({@code code}, {@code vim},
 * {@code xdg-open}, {@code x-terminal-emulator}…) that write how they were called, one argument a line, to
 * {@code calls/NAME}; and an environment whose PATH holds only them.
 */
public final class FakeEditors {
    public final Path bin;
    public final Path calls;

    public FakeEditors(Path dir, String... names) throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = Files.createDirectories(dir.resolve("calls"));
        for (String name : names) {
            Path script = bin.resolve(name);
            // Written to a temporary name and renamed, so a test never reads half a record.
            Files.writeString(script, "#!/bin/sh\nout='" + calls.resolve(name) + "'\nprintf '%s\\n' \"$0\" \"$@\" > \"$out.tmp\"\n"
                + "/bin/mv \"$out.tmp\" \"$out\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** An environment with only the fakes on the PATH, plus these variables. */
    public Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("HOME", bin.getParent().toString());
        for (int i = 0; i + 1 < keyValues.length; i += 2) env.put(keyValues[i], keyValues[i + 1]);
        return env;
    }

    /** The arguments the fake {@code name} was last called with, its own path first; waits for it (20 s at most). */
    public List<String> awaitCall(String name) throws IOException, InterruptedException {
        Path record = calls.resolve(name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(record)) {
            if (System.nanoTime() > deadline) throw new AssertionError("the fake " + name + " was never called");
            Thread.sleep(20);
        }
        List<String> lines = Files.readAllLines(record);
        Files.delete(record);
        return lines;
    }

    /** Whether the fake {@code name} has been called (and not yet read). */
    public boolean called(String name) {
        return Files.exists(calls.resolve(name));
    }
}
