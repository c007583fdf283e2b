package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collapsed stacks with bytes that are not UTF-8 (Latin-1 names) still convert, and the count of such lines is told. */
class NonUtf8InputTest {
    @TempDir Path dir;

    @Test
    void linesThatAreNotUtf8AreCountedInAWarning() throws Exception {
        byte[] latin1 = "main (app.py:1);caf\u00e9 (app.py:5) 3\nmain (app.py:1);na\u00efve (app.py:9) 2\nmain (app.py:1) 4\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        Path in = Files.write(dir.resolve("latin1.txt"), latin1);
        CliRun run = CliRun.of("convert", in.toString(), dir.resolve("out.txt").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("pyrometer: warning: 2 lines of latin1.txt held bytes that are not UTF-8; they read as \uFFFD in"
            + " frame names.\n", run.err());
        assertTrue(run.out().startsWith("Wrote 9 samples"), run.out());
    }

    @Test
    void utf8InputHasNoWarning() throws Exception {
        Path in = Files.writeString(dir.resolve("utf8.txt"), "main (app.py:1);caf\u00e9 (app.py:5) 3\n");
        CliRun run = CliRun.of("convert", in.toString(), dir.resolve("out.txt").toString());
        assertEquals("", run.err());
    }
}
