package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.app.JvmRun;
import dev.pyrometer.model.testing.ExternalTools;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On the same stopped process, {@code pyrometer dump --json} and {@code py-spy dump --json --nonblocking} agree
 * frame for frame: thread ids and names, file names, lines and function names (ours is the qualified name from
 * 3.11, whose last part is py-spy's name).
 */
class DumpCrossCheckTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void dumpAgreesWithPySpy(Pythons.Python python) throws Exception {
        ExternalTools.require("py-spy", "pip install py-spy");
        try (TargetProcess target = TargetProcess.start(python.executable(), "stops_itself.py", "{dir}/expected.json")) {
            target.awaitStopped();
            String pid = Integer.toString(target.pid());
            JvmRun ours = JvmRun.of(Map.of(), "dump", "--pid", pid, "--json");
            assertEquals(0, ours.exitCode(), ours.stderr());
            JsonArray theirs = JsonParser.parseString(pySpy("dump", "--json", "--nonblocking", "--pid", pid)).getAsJsonArray();
            Map<Long, JsonObject> theirsByTid = new HashMap<>();
            // Matched by Python's thread ident: py-spy leaves os_thread_id null on some versions.
            for (JsonElement t : theirs) theirsByTid.put(t.getAsJsonObject().get("thread_id").getAsLong(), t.getAsJsonObject());
            JsonArray mine = JsonParser.parseString(ours.stdout()).getAsJsonArray();
            assertEquals(theirs.size(), mine.size(), "threads");
            for (JsonElement element : mine) {
                JsonObject thread = element.getAsJsonObject();
                JsonObject other = theirsByTid.get(thread.get("thread_id").getAsLong());
                assertTrue(other != null, "py-spy has thread " + thread.get("thread_id"));
                if (!other.get("os_thread_id").isJsonNull()) {
                    assertEquals(other.get("os_thread_id").getAsLong(), thread.get("os_thread_id").getAsLong());
                }
                assertEquals(other.get("pid").getAsInt(), thread.get("pid").getAsInt());
                if (!other.get("thread_name").isJsonNull()) {
                    assertEquals(other.get("thread_name").getAsString(), thread.get("thread_name").getAsString());
                }
                assertEquals(other.get("owns_gil").getAsBoolean(), thread.get("owns_gil").getAsBoolean());
                JsonArray a = thread.getAsJsonArray("frames");
                JsonArray b = other.getAsJsonArray("frames");
                assertEquals(b.size(), a.size(), "frames of thread " + thread.get("os_thread_id"));
                for (int i = 0; i < a.size(); i++) {
                    JsonObject x = a.get(i).getAsJsonObject();
                    JsonObject y = b.get(i).getAsJsonObject();
                    String where = "thread " + thread.get("os_thread_id") + " frame " + i;
                    assertEquals(y.get("filename").getAsString(), x.get("filename").getAsString(), where);
                    assertEquals(y.get("line").getAsInt(), x.get("line").getAsInt(), where);
                    String name = x.get("name").getAsString();
                    String plain = y.get("name").getAsString();
                    assertTrue(name.equals(plain) || name.endsWith("." + plain), where + ": " + name + " vs " + plain);
                }
            }
        }
    }

    static String pySpy(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("py-spy"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("py-spy failed: " + out);
        return out;
    }
}
