package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.app.JvmRun;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code pyrometer ps} finds a running Python process with its version, user and command line. */
class PsCommandTest {

    @Test
    void listsARunningPythonProcess() throws Exception {
        Pythons.Python python = Pythons.all().getFirst();
        try (TargetProcess target = TargetProcess.start(python.executable(), "busy_threads.py")) {
            target.awaitFile("ready.txt");
            JvmRun run = JvmRun.of(Map.of(), "ps", "--json");
            assertEquals(0, run.exitCode(), run.stderr());
            JsonObject found = null;
            for (JsonElement e : JsonParser.parseString(run.stdout()).getAsJsonArray()) {
                if (e.getAsJsonObject().get("pid").getAsInt() == target.pid()) found = e.getAsJsonObject();
            }
            assertTrue(found != null, run.stdout());
            assertEquals(python.version().toString(), found.get("python_version").getAsString());
            assertEquals(System.getProperty("user.name"), found.get("user").getAsString());
            assertTrue(found.get("command_line").toString().contains("busy_threads.py"), found.toString());
            assertTrue(found.get("cpu_percent").getAsDouble() > 10, "it is busy: " + found);
            assertTrue(found.get("python_parent_pid").isJsonNull(), "started by the JVM, no Python parent: " + found);
            assertEquals(ProcessHandle.current().pid(), found.get("parent_pid").getAsLong());
        }
    }

    @Test
    void aPoolsWorkersAreIndentedUnderItsParent() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess pool = TargetProcess.start(python.executable(), "pool_waits.py", "fork", "{dir}")) {
            try {
                Set<Integer> workers = Files.readAllLines(pool.awaitFile("ready")).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).map(Integer::parseInt).collect(Collectors.toSet());
                JvmRun run = JvmRun.of(Map.of(), "ps");
                assertEquals(0, run.exitCode(), run.stderr());
                List<String> lines = run.stdout().lines().toList();
                int parent = -1;
                for (int i = 0; i < lines.size(); i++) if (pidOf(lines.get(i)) == pool.pid()) parent = i;
                assertTrue(parent > 0, run.stdout());
                String command = pool.script().toString();
                assertTrue(lines.get(parent).endsWith("  " + python.executable() + " " + command + " fork " + pool.dir()),
                    lines.get(parent));
                // The two lines after the parent's are its workers: same columns, the command line after " \_ ".
                Set<Integer> listed = Set.of(pidOf(lines.get(parent + 1)), pidOf(lines.get(parent + 2)));
                assertEquals(workers, listed, run.stdout());
                for (int i = parent + 1; i <= parent + 2; i++) {
                    assertTrue(lines.get(i).contains("   \\_ " + python.executable() + " " + command), lines.get(i));
                    assertEquals(lines.get(parent).indexOf(python.executable().toString()) + 4,
                        lines.get(i).indexOf(python.executable().toString()), "indented by 4: " + lines.get(i));
                }

                JvmRun json = JvmRun.of(Map.of(), "ps", "--json");
                assertEquals(0, json.exitCode(), json.stderr());
                int underParent = 0;
                for (JsonElement e : JsonParser.parseString(json.stdout()).getAsJsonArray()) {
                    JsonObject o = e.getAsJsonObject();
                    if (!workers.contains(o.get("pid").getAsInt())) continue;
                    assertEquals(pool.pid(), o.get("python_parent_pid").getAsInt(), o.toString());
                    assertEquals(pool.pid(), o.get("parent_pid").getAsInt(), o.toString());
                    underParent++;
                }
                assertEquals(2, underParent, json.stdout());
            } finally {
                Files.writeString(pool.dir().resolve("stop"), "");
                pool.process().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static int pidOf(String line) {
        String first = line.strip().split("\\s+", 2)[0];
        return first.chars().allMatch(Character::isDigit) && !first.isEmpty() ? Integer.parseInt(first) : -1;
    }
}
