package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.app.JvmRun;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.util.Map;
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
        }
    }
}
