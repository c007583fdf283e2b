package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.app.JvmRun;
import dev.pyrometer.model.testing.ExternalTools;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On the same stopped process, {@code pyrometer dump --json} and {@code py-spy dump --json --nonblocking} agree
 * frame for frame: thread ids and names, file names, lines and function names ({@code name} is the bare
 * {@code co_name} in both). And without py-spy: {@code name} and {@code qualname} are what the interpreter itself
 * says ({@code co_name}, {@code co_qualname}), {@code qualname} only from 3.11, which has one.
 */
class DumpCrossCheckTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void namesAreTheInterpretersOwn(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "stops_itself.py", "{dir}/expected.json")) {
            target.awaitStopped();
            JsonObject expected = JsonParser.parseString(Files.readString(target.dir().resolve("expected.json")))
                .getAsJsonObject();
            JvmRun ours = JvmRun.of(Map.of(), "dump", "--pid", Integer.toString(target.pid()), "--json");
            assertEquals(0, ours.exitCode(), ours.stderr());
            boolean hasQualname = python.version().atLeast(3, 11);
            for (JsonElement element : JsonParser.parseString(ours.stdout()).getAsJsonArray()) {
                JsonObject thread = element.getAsJsonObject();
                String which = thread.get("os_thread_id").getAsLong() == target.pid() ? "main" : "worker";
                JsonArray want = expected.getAsJsonObject(which).getAsJsonArray("frames");
                JsonArray got = thread.getAsJsonArray("frames");
                assertEquals(want.size(), got.size(), which);
                for (int i = 0; i < got.size(); i++) {
                    JsonObject w = want.get(i).getAsJsonObject();
                    JsonObject g = got.get(i).getAsJsonObject();
                    assertEquals(w.get("name").getAsString(), g.get("name").getAsString(), which + " frame " + i);
                    if (hasQualname) assertEquals(w.get("function").getAsString(), g.get("qualname").getAsString(), which + " frame " + i);
                    else assertFalse(g.has("qualname"), which + " frame " + i + " has no qualname before 3.11: " + g);
                }
            }
            // The method's frame is the one where the two names differ.
            assertTrue(ours.stdout().contains("\"name\": \"method\""), ours.stdout());
            if (hasQualname) assertTrue(ours.stdout().contains("\"qualname\": \"Descent.method\""), ours.stdout());
        }
    }

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
                    assertEquals(y.get("name").getAsString(), x.get("name").getAsString(), where);
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
