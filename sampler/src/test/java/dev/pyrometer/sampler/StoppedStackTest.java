package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On a program stopped at a known point, every thread's stack read from outside equals, frame for frame, what
 * the interpreter itself reported just before stopping: function (qualified from 3.11), file, line, first line.
 */
class StoppedStackTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void mainThreadAndSleepingThreadHaveTheExactStacks(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "stops_itself.py", "{dir}/expected.json")) {
            target.awaitStopped();
            JsonObject expected = JsonParser.parseString(Files.readString(target.dir().resolve("expected.json")))
                .getAsJsonObject();
            try (PythonTarget attached = PythonTarget.attach(target.pid())) {
                assertEquals(python.version().minor(), attached.version().minor());
                List<ThreadStack> threads = attached.snapshot();
                assertEquals(2, threads.size(), threads.toString());
                ThreadStack main = threads.stream().filter(t -> t.osThreadId() == target.pid()).findFirst().orElse(null);
                assertNotNull(main, "the main thread, by its OS id: " + threads);
                assertFrames(expected.getAsJsonObject("main").getAsJsonArray("frames"), main.frames());
                long ident = expected.getAsJsonObject("worker").get("ident").getAsLong();
                ThreadStack worker = threads.stream().filter(t -> t.pythonThreadId() == ident).findFirst().orElse(null);
                assertNotNull(worker, "the sleeping thread, by its Python ident: " + threads);
                assertFrames(expected.getAsJsonObject("worker").getAsJsonArray("frames"), worker.frames());
                assertFalse(worker.osThreadId() == 0 || worker.osThreadId() == target.pid(), "its own OS thread id");
                assertFalse(main.running() || worker.running(), "a stopped process runs no thread");
            }
        }
    }

    static void assertFrames(JsonArray expected, List<StackFrame> actual) {
        List<String> want = new ArrayList<>();
        for (JsonElement e : expected) {
            JsonObject f = e.getAsJsonObject();
            want.add(f.get("function").getAsString() + " (" + f.get("file").getAsString() + ":"
                + f.get("line").getAsInt() + ", first " + f.get("first_line").getAsInt() + ")");
        }
        List<String> got = new ArrayList<>();
        for (StackFrame f : actual) got.add(f.function() + " (" + f.file() + ":" + f.line() + ", first " + f.firstLine() + ")");
        assertEquals(String.join("\n", want), String.join("\n", got));
    }
}
