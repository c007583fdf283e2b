package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.sampler.Pythons;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} restricted to one process of each run, on two real recordings of a multiprocessing pool (parent and
 * two workers): one worker against the other run's worker. And {@code convert} keeps the processes.
 */
class DiffProcessesTest {
    @TempDir
    static Path dir;
    private static Path first;
    private static Path second;

    @BeforeAll
    static void recordTwoPools() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Path script = dir.resolve("pool_briefly.py");
        try (InputStream in = Pythons.class.getResourceAsStream("pool_briefly.py")) {
            Files.copy(in, script);
        }
        first = record(python, script, "first.pyro", "0.6");
        second = record(python, script, "second.pyro", "1");
    }

    private static Path record(Pythons.Python python, Path script, String name, String seconds) {
        Path out = dir.resolve(name);
        CliRun run = CliRun.of("record", "-s", "-r", "200", "-o", out.toString(), "--", python.executable().toString(),
            script.toString(), "fork", seconds);
        assertEquals(0, run.exitCode(), run.err() + run.failure());
        return out;
    }

    private static Profile read(Path file) {
        return ProfileFiles.read(file, Progress.NONE, Cancel.NEVER).profile();
    }

    /** The process (index) with the most samples in work(): a worker that ran a task. */
    private static int busiestWorker(Profile p) {
        long[] work = new long[p.processes().size()];
        for (int i = 0; i < p.samples().size(); i++) {
            if (runs(p, p.samples().stack(i), "work")) work[p.threads().process(p.samples().thread(i))]++;
        }
        int best = 0;
        for (int q = 1; q < work.length; q++) if (work[q] > work[best]) best = q;
        assertTrue(work[best] > 0, "no worker ran work()");
        return best;
    }

    /** Running samples of a process, and of those the ones in work(). */
    private static long[] runningAndWork(Profile p, int process) {
        long running = 0, work = 0;
        for (int i = 0; i < p.samples().size(); i++) {
            if (process >= 0 && p.threads().process(p.samples().thread(i)) != process) continue;
            if (SampleState.isIdle(p.samples().state(i))) continue;
            running++;
            if (runs(p, p.samples().stack(i), "work")) work++;
        }
        return new long[] {running, work};
    }

    private static boolean runs(Profile p, int stack, String function) {
        for (int s = stack; s != StackTable.EMPTY; s = p.stacks().parent(s)) {
            if (p.functionName(p.stacks().frame(s)).equals(function)) return true;
        }
        return false;
    }

    @Test
    void eachSideRestrictedToOneWorker() {
        Profile a = read(first), b = read(second);
        assertEquals(3, a.processes().size());
        assertEquals(3, b.processes().size());
        int wa = busiestWorker(a), wb = busiestWorker(b);
        ProcessInfo workerA = a.processes().get(wa), workerB = b.processes().get(wb);
        long[] countsA = runningAndWork(a, wa), countsB = runningAndWork(b, wb);

        CliRun table = CliRun.of("diff", first.toString(), second.toString(), "--base-process", Integer.toString(workerA.pid()),
            "--new-process", Integer.toString(workerB.pid()));
        assertEquals(0, table.exitCode(), table.err() + table.failure());
        // The denominators are the two workers' running samples, not the runs'.
        Matcher m = Pattern.compile("first\\.pyro \\[process " + workerA.pid() + "] \\(([\\d,]+) samples\\) -> second\\.pyro "
            + "\\[process " + workerB.pid() + "] \\(([\\d,]+) samples\\)").matcher(table.out());
        assertTrue(m.find(), table.out());
        assertEquals(countsA[0], Long.parseLong(m.group(1).replace(",", "")));
        assertEquals(countsB[0], Long.parseLong(m.group(2).replace(",", "")));

        CliRun json = CliRun.of("diff", first.toString(), second.toString(), "--json", "--top", "1000",
            "--base-process", Integer.toString(workerA.pid()), "--new-process", Integer.toString(workerB.pid()));
        assertEquals(0, json.exitCode(), json.err() + json.failure());
        JsonObject work = row(JsonParser.parseString(json.out()).getAsJsonArray(), "work");
        assertEquals((double) countsA[1] / countsA[0], work.get("base_total").getAsDouble(), 1e-9);
        assertEquals((double) countsB[1] / countsB[0], work.get("new_total").getAsDouble(), 1e-9);

        // Merged (the default), the parent's and the other worker's samples count too.
        CliRun merged = CliRun.of("diff", first.toString(), second.toString(), "--json", "--top", "1000");
        JsonObject mergedWork = row(JsonParser.parseString(merged.out()).getAsJsonArray(), "work");
        long[] allA = runningAndWork(a, -1);
        assertEquals((double) allA[1] / allA[0], mergedWork.get("base_total").getAsDouble(), 1e-9);
        assertNotEquals(allA[0], countsA[0], "the run has running samples outside the worker");

        // --process names both sides; by command line text it takes every process that holds it.
        CliRun both = CliRun.of("diff", first.toString(), second.toString(), "--process", "pool_briefly");
        assertEquals(0, both.exitCode(), both.err() + both.failure());
        assertTrue(both.out().contains(String.format(Locale.ROOT, "(%,d samples)", allA[0])), both.out());
    }

    @Test
    void reportTakesTheSameProcessOption() {
        Profile a = read(first);
        int wa = busiestWorker(a);
        long[] counts = runningAndWork(a, wa);
        CliRun run = CliRun.of("report", first.toString(), "--json", "--top", "100", "--process",
            Integer.toString(a.processes().get(wa).pid()));
        assertEquals(0, run.exitCode(), run.err() + run.failure());
        JsonObject work = row(JsonParser.parseString(run.out()).getAsJsonArray(), "work");
        assertEquals(counts[1], work.get("samples_total").getAsLong());
        assertEquals((double) counts[1] / counts[0], work.get("total").getAsDouble(), 1e-9);
        var error = CliRun.error("report", first.toString(), "--process", "no-such-program");
        assertEquals(2, error.exitCode());
        assertTrue(error.getMessage().startsWith("first.pyro: no process 'no-such-program' in it; it has "), error.getMessage());
    }

    @Test
    void aProcessThatIsNotThereIsOneClearLine() {
        var error = CliRun.error("diff", first.toString(), second.toString(), "--new-process", "999999999");
        assertEquals(2, error.exitCode());
        assertTrue(error.getMessage().startsWith("second.pyro: no process '999999999' in it; it has "), error.getMessage());
        assertTrue(error.getMessage().lines().count() == 1, error.getMessage());
    }

    @Test
    void convertKeepsTheProcesses() throws IOException {
        Profile a = read(first);
        Path session = dir.resolve("copy.pyro");
        Path collapsed = dir.resolve("copy.txt");
        Path speedscope = dir.resolve("copy.speedscope.json");
        for (Path out : new Path[] {session, collapsed, speedscope}) {
            CliRun run = CliRun.of("convert", first.toString(), out.toString());
            assertEquals(0, run.exitCode(), run.err() + run.failure());
        }
        Profile fromSession = read(session);
        assertEquals(a.processes().size(), fromSession.processes().size());
        for (int p = 0; p < a.processes().size(); p++) {
            assertEquals(a.processes().get(p), fromSession.processes().get(p));
            assertEquals(runningAndWork(a, p)[0], runningAndWork(fromSession, p)[0]);
        }
        // Collapsed stacks start at the process frame and read back into the same processes, with their samples.
        Profile fromCollapsed = read(collapsed);
        assertEquals(a.processes().size(), fromCollapsed.processes().size());
        for (int p = 0; p < a.processes().size(); p++) {
            int there = fromCollapsed.processes().indexOfPid(a.processes().get(p).pid());
            assertTrue(there >= 0, "process " + a.processes().get(p).pid() + " read back");
            assertEquals(runningAndWork(a, p)[0], runningAndWork(fromCollapsed, there)[0]);
        }
        // Speedscope and pprof name each thread's process.
        String json = Files.readString(speedscope);
        for (int p = 0; p < a.processes().size(); p++) assertTrue(json.contains(Integer.toString(a.processes().get(p).pid())));
        Path pprof = dir.resolve("copy.pb.gz");
        CliRun run = CliRun.of("convert", first.toString(), pprof.toString());
        assertEquals(0, run.exitCode(), run.err() + run.failure());
        String strings;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(pprof))) {
            strings = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        for (int p = 0; p < a.processes().size(); p++) {
            assertTrue(strings.contains(Integer.toString(a.processes().get(p).pid())), "pprof names process " + a.processes().get(p).pid());
        }
    }

    private static JsonObject row(JsonArray rows, String function) {
        for (JsonElement e : rows) if (function.equals(e.getAsJsonObject().get("function").getAsString())) return e.getAsJsonObject();
        throw new AssertionError("no row for " + function + " in " + rows);
    }
}
