package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.app.JvmRun;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code dump --blocking}: the stacks of a busy program read while it is held still, and the program let go. */
class DumpBlockingTest {
    @Test
    void aHeldSnapshotShowsEveryThreadAndLetsTheProgramGo() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess target = TargetProcess.startDetached(python.executable(), "busy_threads.py")) {
            target.awaitFile("ready.txt");
            target.await(target::mainThreadInSleepCall, "sleep in its main thread");
            String pid = Integer.toString(target.pid());
            JvmRun run = JvmRun.of(Map.of(), "dump", "--blocking", "--json", "--pid", pid);
            assertEquals(0, run.exitCode(), run.stderr());

            Map<String, JsonObject> byLeaf = new HashMap<>();
            JsonArray threads = JsonParser.parseString(run.stdout()).getAsJsonArray();
            for (JsonElement element : threads) {
                JsonObject thread = element.getAsJsonObject();
                byLeaf.put(thread.getAsJsonArray("frames").get(0).getAsJsonObject().get("name").getAsString(), thread);
            }
            assertEquals(3, threads.size(), run.stdout());
            assertTrue(byLeaf.keySet().containsAll(java.util.List.of("spin", "hash_forever", "<module>")), byLeaf.keySet().toString());
            // States are read before the hold: held, every thread would read as stopped. Between them the spinner and
            // the hasher always keep one of the two running (whichever lacks the GIL runs C or waits for the other).
            assertFalse(byLeaf.get("<module>").get("active").getAsBoolean(), "the sleeping main thread is idle");
            assertTrue(byLeaf.get("spin").get("active").getAsBoolean() || byLeaf.get("hash_forever").get("active").getAsBoolean(),
                run.stdout());

            String status = Files.readString(Path.of("/proc", pid, "status"));
            assertTrue(status.contains("TracerPid:\t0"), "detached after the dump");
            assertFalse(status.contains("State:\tt"), "not left stopped");
        }
    }

    @Test
    void blockingAndNonblockingTogetherIsAUsageError() throws Exception {
        JvmRun run = JvmRun.of(Map.of(), "dump", "--blocking", "--nonblocking", "--pid", "1");
        assertEquals(2, run.exitCode(), run.stderr());
        assertEquals("pyrometer: give --blocking or --nonblocking, not both.", run.stderr().strip());
    }
}
