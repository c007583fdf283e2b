package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program whose Python executable was deleted after it started (an upgrade, a removed virtualenv) is still read:
 * the interpreter is found through the process's own link to its executable, not by a path that no longer leads
 * to it. Where Python is linked statically (Debian's) the executable is the only place its interpreter lives.
 */
class DeletedExecutableTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void itsStacksAreReadAfterItsExecutableIsDeleted(Pythons.Python python) throws Exception {
        Path copyDir = Files.createTempDirectory("pyrometer-python");
        Path copy = copyDir.resolve(python.executable().getFileName());
        Files.copy(python.executable(), copy);
        try (TargetProcess target = TargetProcess.start(copy, "stops_itself.py", "{dir}/expected.json")) {
            target.awaitStopped();
            Files.delete(copy);
            Files.delete(copyDir);
            JsonObject expected = JsonParser.parseString(Files.readString(target.dir().resolve("expected.json")))
                .getAsJsonObject();
            try (PythonTarget attached = PythonTarget.attach(target.pid())) {
                assertEquals(python.version().minor(), attached.version().minor());
                ThreadStack main = attached.snapshot().stream().filter(t -> t.osThreadId() == target.pid())
                    .findFirst().orElse(null);
                assertNotNull(main, "the main thread");
                StoppedStackTest.assertFrames(expected.getAsJsonObject("main").getAsJsonArray("frames"), main.frames());
            }
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copyDir);
        }
    }
}
