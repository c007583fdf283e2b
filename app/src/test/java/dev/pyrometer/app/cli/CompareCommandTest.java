package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.JvmRun;
import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.diff.MatchBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pyrometer compare BASE NEW}: files are checked before any window, and a server without a display is told so. */
class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsOneLine() throws Exception {
        Path base = Files.writeString(dir.resolve("base.pyro"), "x");
        PyrometerException missing = CliRun.error("compare", base.toString(), dir.resolve("nope.pyro").toString());
        assertEquals(10, missing.exitCode());
        assertEquals("cannot compare " + dir.resolve("nope.pyro") + ": no such file. Check the path.", missing.getMessage());
        PyrometerException directory = CliRun.error("compare", dir.toString(), base.toString());
        assertEquals("cannot compare " + dir + ": it is not a readable file.", directory.getMessage());
    }

    @Test
    void bothRunsAreNeeded() {
        CliRun run = CliRun.of("compare", "only-one.pyro");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required parameter: 'NEW'"), run.err());
    }

    @Test
    void withoutADisplayItSaysSoAndPointsToDiff() throws Exception {
        Path base = Files.writeString(dir.resolve("a.pyro"), "x");
        Path news = Files.writeString(dir.resolve("b.pyro"), "x");
        JvmRun run = JvmRun.of(Map.of(), "compare", base.toString(), news.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().startsWith("pyrometer: no display"), run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
        assertTrue(CliRun.of("compare", "--help").out().contains("pyrometer diff BASE NEW"), "help names the headless alternative");
        assertTrue(CliRun.of("--help").out().contains("compare"), "the main help lists compare");
    }

    @Test
    void matchChoosesHowTheWorkbenchPairsFrames() throws Exception {
        Path base = Files.writeString(dir.resolve("a.pyro"), "x");
        Path news = Files.writeString(dir.resolve("b.pyro"), "x");
        assertEquals(MatchBy.RELATIVE_PATH, request(base.toString(), news.toString()).match());
        DesktopRequest byName = request("--match", "name", base.toString(), news.toString());
        assertEquals(MatchBy.FUNCTION_NAME, byName.match());
        assertEquals(java.util.List.of(base.toAbsolutePath(), news.toAbsolutePath()), byName.compare());
        assertEquals(MatchBy.ABSOLUTE_PATH, request("--match", "absolute", base.toString(), news.toString()).match());

        PyrometerException bogus = CliRun.error("compare", "--match", "bogus", base.toString(), news.toString());
        assertEquals(2, bogus.exitCode());
        assertEquals("--match takes relative, absolute or name, not 'bogus'.", bogus.getMessage());

        // Each run's process: merged by default, --process for both, --base-process / --new-process each.
        assertEquals(null, request(base.toString(), news.toString()).baseProcess());
        DesktopRequest both = request("--process", "worker.py", base.toString(), news.toString());
        assertEquals("worker.py", both.baseProcess());
        assertEquals("worker.py", both.newProcess());
        DesktopRequest each = request("--process", "worker.py", "--new-process", "4242", base.toString(), news.toString());
        assertEquals("worker.py", each.baseProcess());
        assertEquals("4242", each.newProcess());
    }

    private static DesktopRequest request(String... args) {
        CompareCommand command = new CompareCommand();
        new CommandLine(command).parseArgs(args);
        return command.request();
    }
}
