package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real reader, where the machine has Go ({@code apt install golang-go}): {@code go tool pprof} must read our files. */
class GoPprofTest {
    @TempDir Path dir;

    @Test
    void goToolPprofReadsOurProfiles() throws Exception {
        ExternalTools.require("go", "apt-get install golang-go");
        Path file = dir.resolve("cpu.pb.gz");
        ProfileFiles.write(RoundTripTest.recording(), file, Format.PPROF);
        Process p = new ProcessBuilder(List.of("go", "tool", "pprof", "-top", "-lines", "-sample_index=samples", file.toString()))
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        // leaf at line 5 of tree.py is on top of 150 of the 400 exported samples
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+150 37\\.50%.*leaf /srv/lib/tree\\.py:5")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("recv /usr/lib/python3.11/socket.py:700")), out);
        assertTrue(out.contains("Recorded by Pyrometer"), out);
        assertTrue(Files.size(file) > 0);
    }
}
