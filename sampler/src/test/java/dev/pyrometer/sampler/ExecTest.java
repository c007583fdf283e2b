package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.pyrometer.model.Profile;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A target that execs (here into the same Python, running another program) keeps its pid, but nothing the sampler
 * read of it holds any more: the recording ends as the target's end, saying what it exec'd into, instead of
 * counting an error at every tick until {@code -d} ends.
 */
class ExecTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void anExecEndsTheRecordingAndSaysSo(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "execs.py")) {
            target.awaitFile("ready.txt");
            try (PythonTarget attached = target.attachWhenUp()) {
                Sampler sampler = attached.sampler(new SamplerOptions(200, null), new Profile());
                sampler.start();
                target.await(() -> sampler.stats().samples() >= 5, "be sampled");
                Files.writeString(target.dir().resolve("go"), "");
                target.awaitFile("execed.txt");
                assertEquals(Sampler.Outcome.TARGET_EXITED, sampler.awaitEnd(30, TimeUnit.SECONDS),
                    "the exec ends the recording: " + sampler.stats());
                assertNotNull(sampler.replacedBy());
                assertEquals(Files.readSymbolicLink(java.nio.file.Path.of("/proc", Integer.toString(target.pid()),
                    "exe")).toString(), sampler.replacedBy());
            }
        }
    }
}
