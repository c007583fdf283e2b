package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record --subprocesses} and {@code dump --subprocesses} on real multiprocessing pools. */
class SubprocessesCommandTest {
    private static final Pattern ROOT = Pattern.compile("^process (\\d+):\"[^\"]*\"");
    @TempDir
    Path dir;

    @Test
    void aPoolRunRecordsEveryProcessRootedAtItsProcessFrame() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Path script = copy("pool_briefly.py");
        Path out = dir.resolve("pool.txt");
        CliRun run = CliRun.of("record", "-s", "-r", "200", "-o", out.toString(), "--", python.executable().toString(),
            script.toString(), "spawn", "1.5");
        assertEquals(0, run.exitCode(), run.err() + run.failure());
        assertTrue(run.err().matches("(?s)pyrometer: .* sampler CPU .* µs per sample; \\d+ processes \\(.* µs per"
            + " process sample\\); wrote .*"), run.err());
        String collapsed = Files.readString(out);
        // py-spy's --subprocesses shape: the process frame first, workers under their parent's.
        assertTrue(collapsed.lines().allMatch(l -> ROOT.matcher(l).find()), collapsed);
        Set<String> workers = collapsed.lines().filter(l -> l.contains(";work (" + script + ":"))
            .map(l -> l.split(";")[1]).collect(Collectors.toSet());
        assertEquals(2, workers.size(), collapsed);
        assertTrue(workers.stream().allMatch(w -> w.startsWith("process ")), collapsed);
        // Pyrometer's own importer reads it back into processes.
        Profile read = ProfileFiles.read(out, Progress.NONE, Cancel.NEVER).profile();
        assertTrue(read.processes().size() >= 3, "processes read back: " + read.processes().size());
    }

    @Test
    void aSessionKeepsTheProcessTable() throws Exception {
        Pythons.Python python = Pythons.all().getFirst();
        Path script = copy("pool_briefly.py");
        Path out = dir.resolve("pool.pyro");
        CliRun run = CliRun.of("record", "--subprocesses", "-r", "200", "-o", out.toString(), "--",
            python.executable().toString(), script.toString(), "fork", "1");
        assertEquals(0, run.exitCode(), run.err() + run.failure());
        Profile read = ProfileFiles.read(out, Progress.NONE, Cancel.NEVER).profile();
        assertTrue(read.processes().size() >= 3, "processes: " + read.processes().size());
        int root = read.processes().indexOfPid(Integer.parseInt(read.metadata("pid")));
        long workers = 0;
        for (int p = 0; p < read.processes().size(); p++) if (read.processes().get(p).parent() == root) workers++;
        assertTrue(workers >= 2, "workers under the parent: " + workers);
        assertEquals(String.valueOf(read.processes().size()), read.metadata("sampler.processes"));
    }

    @Test
    void dumpPrintsEveryProcessOfATree() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess t = TargetProcess.start(python.executable(), "pool_shares.py", "fork", "{dir}")) {
            int[] workers = Arrays.stream(Files.readString(t.awaitFile("ready")).strip().split(" "))
                .mapToInt(Integer::parseInt).toArray();
            CliRun run = CliRun.of("dump", "--pid", Integer.toString(t.pid()), "--subprocesses");
            Files.writeString(t.dir().resolve("go"), "");
            t.awaitFile("done");
            Files.writeString(t.dir().resolve("exit"), "");
            assertEquals(0, run.exitCode(), run.err() + run.failure());
            for (int pid : new int[] {t.pid(), workers[0], workers[1]}) {
                assertTrue(run.out().contains("Process " + pid + ": "), run.out());
            }
            Matcher m = Pattern.compile("(?m)^Process ").matcher(run.out());
            assertEquals(3, m.results().count(), run.out());
            assertTrue(run.out().contains("wait_for (pool_shares.py:"), run.out());
        }
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = Pythons.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
