package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.session.SessionWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @TempDir Path dir;

    /** {@code hot} on top of {@code hotShare} of 1000 samples, {@code main} on the rest; {@code gone} on 10 if asked. */
    Path recording(String name, int hot, int cold, int gone) {
        Profile p = new Profile();
        int t = p.thread(1, "MainThread");
        int main = p.frame("/srv/app.py", "main", 10, 1);
        int fHot = p.frame("/srv/app.py", "hot", 20, 18);
        int fCold = p.frame("/srv/app.py", "cold", 30, 28);
        int fGone = p.frame("/srv/old.py", "gone", 5, 4);
        long time = 0;
        for (int i = 0; i < hot; i++) p.sample(time += 1_000_000, t, new int[] {fHot, main}, 2, SampleState.RUNNING, 0, 0);
        for (int i = 0; i < cold; i++) p.sample(time += 1_000_000, t, new int[] {fCold, main}, 2, SampleState.RUNNING, 0, 0);
        for (int i = 0; i < gone; i++) p.sample(time += 1_000_000, t, new int[] {fGone, main}, 2, SampleState.RUNNING, 0, 0);
        Path file = dir.resolve(name);
        SessionWriter.save(p, file);
        return file;
    }

    @Test
    void jsonListsTheBiggestChangesAsShares() {
        Path base = recording("base.pyro", 300, 690, 10);
        Path news = recording("new.txt.pyro", 600, 400, 0);
        CliRun run = CliRun.of("diff", base.toString(), news.toString(), "--json", "--top", "3");
        assertEquals(0, run.exitCode());
        JsonArray rows = JsonParser.parseString(run.out()).getAsJsonArray();
        assertEquals(3, rows.size());
        JsonObject hot = rows.get(0).getAsJsonObject();
        assertEquals(List.of("function", "file", "base_total", "new_total", "base_self", "new_self", "base_file", "new_file"),
            List.copyOf(hot.keySet()));
        assertEquals("hot", hot.get("function").getAsString());
        assertEquals("app.py", hot.get("file").getAsString(), "relative to the folder the run's files share");
        assertEquals("/srv/app.py", hot.get("base_file").getAsString());
        assertEquals("/srv/app.py", hot.get("new_file").getAsString());
        assertEquals(0.3, hot.get("base_total").getAsDouble(), 1e-12);
        assertEquals(0.6, hot.get("new_total").getAsDouble(), 1e-12);
        assertEquals(0.6, hot.get("new_self").getAsDouble(), 1e-12);
        assertEquals("cold", rows.get(1).getAsJsonObject().get("function").getAsString());
        JsonObject gone = rows.get(2).getAsJsonObject();
        assertEquals("gone", gone.get("function").getAsString());
        assertEquals(0.0, gone.get("new_total").getAsDouble());
        assertEquals("/srv/old.py", gone.get("base_file").getAsString());
        assertTrue(gone.get("new_file").isJsonNull(), "only the base run has it");
    }

    @Test
    void byLineAddsTheLine() {
        Path base = recording("a.pyro", 300, 700, 0);
        Path news = recording("b.pyro", 500, 500, 0);
        JsonArray rows = JsonParser.parseString(CliRun.of("diff", "--by", "line", "--json", base.toString(), news.toString()).out()).getAsJsonArray();
        JsonObject first = rows.get(0).getAsJsonObject();
        assertEquals(List.of("function", "file", "line", "base_total", "new_total", "base_self", "new_self", "base_file", "new_file"),
            List.copyOf(first.keySet()));
        assertEquals(20, first.get("line").getAsInt());
    }

    @Test
    void theTableSaysWhatIsBeyondNoise() {
        Path base = recording("base.pyro", 300, 690, 10);
        Path news = recording("new.pyro", 600, 398, 2);
        CliRun run = CliRun.of("diff", base.toString(), news.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("base.pyro (1,000 samples) -> new.pyro (1,000 samples), by function, share of all samples (total, including callees):", lines.get(0));
        assertEquals("Frames paired by relative path and qualified name: 2 files.", lines.get(1));
        assertEquals("    base%      new%    change  beyond noise  function", lines.get(2));
        assertEquals("    30.00     60.00    +30.00  yes           hot (app.py)", lines.get(3));
        assertEquals("    69.00     39.80    -29.20  yes           cold (app.py)", lines.get(4));
        assertEquals("     1.00      0.20     -0.80  no            gone (old.py)", lines.get(5));
        assertTrue(lines.getLast().startsWith("Beyond noise: the change exceeds 3 standard errors"));
    }

    @Test
    void aProfileAgainstItselfShowsNoChange() {
        Path base = recording("same.pyro", 300, 700, 0);
        CliRun run = CliRun.of("diff", base.toString(), base.toString(), "--json");
        for (var row : JsonParser.parseString(run.out()).getAsJsonArray()) {
            JsonObject o = row.getAsJsonObject();
            assertEquals(o.get("base_total").getAsDouble(), o.get("new_total").getAsDouble());
            assertEquals(o.get("base_self").getAsDouble(), o.get("new_self").getAsDouble());
        }
        assertTrue(CliRun.of("diff", base.toString(), base.toString()).out().lines().skip(3).limit(3).allMatch(l -> l.contains("+0.00  no")));
    }

    @Test
    void perSecondAndMistakes() throws Exception {
        Path base = recording("base.pyro", 300, 700, 0);
        Path news = recording("new.pyro", 600, 400, 0);
        CliRun run = CliRun.of("diff", "--per-second", base.toString(), news.toString());
        assertTrue(run.out().contains("thread-seconds per second of wall clock"), run.out());
        assertEquals(2, CliRun.error("diff", "--by", "module", base.toString(), news.toString()).exitCode());
        assertEquals(2, CliRun.error("diff", "--top", "0", base.toString(), news.toString()).exitCode());
        assertTrue(CliRun.error("diff", "--json", "--per-second", base.toString(), news.toString()).getMessage()
            .startsWith("--per-second is for the table"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello world\n");
        PyrometerException bad = CliRun.error("diff", base.toString(), text.toString());
        assertEquals("notes.txt line 1 is not a collapsed stack (expected `frame;frame;… count`): \"hello world\".", bad.getMessage());
    }
}
