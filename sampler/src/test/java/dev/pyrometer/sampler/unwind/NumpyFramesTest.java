package dev.pyrometer.sampler.unwind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.testing.ExternalTools;
import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.Sampler;
import dev.pyrometer.sampler.SamplerOptions;
import dev.pyrometer.sampler.TargetProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numpy (installed by pip into the test's own virtual environment of Python 3.11): {@code numpy.dot} and
 * {@code numpy.sort} of big arrays show frames of numpy's own extension and of its BLAS under the calling line.
 * Skipped (failed under CI=true) when pip cannot install numpy, e.g. without network.
 */
class NumpyFramesTest {
    @TempDir Path dir;

    @Test
    void numpyAndItsBlasShowUnderTheCallingLine() throws Exception {
        Pythons.Python python = Pythons.all().stream().filter(p -> p.version().minor() == 11
            && p.label().startsWith("pyenv")).findFirst().orElse(null);
        ExternalTools.requireThat(python != null, "pyenv's Python 3.11 (pyenv install 3.11)");
        Path venv = dir.resolve("venv");
        boolean made = run(List.of(python.executable().toString(), "-m", "venv", venv.toString()), 300)
            && run(List.of(venv.resolve("bin/python").toString(), "-m", "pip", "install", "-q", "numpy"), 600);
        ExternalTools.requireThat(made, "numpy could not be installed into a venv with pip (no network?)");
        Path venvPython = venv.resolve("bin/python");
        try (InputStream in = TargetProcess.class.getResourceAsStream("numpy_work.py")) {
            Files.copy(in, dir.resolve("numpy_work.py"));
        }
        try (TargetProcess target = TargetProcess.startDetached(venvPython, "numpy_work.py", "{dir}/ready")) {
            target.awaitFile("ready");
            try (PythonTarget attached = target.attachWhenUp()) {
                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(200, Duration.ofSeconds(60)).withNative(true,
                    false), profile);
                sampler.start();
                // Until both kinds of frames were seen often enough (a loaded machine holds fewer ticks in time).
                while (sampler.outcome() == Sampler.Outcome.RUNNING
                    && (NativeFramesTest.count(profile, f -> isBlas(profile, f)) < 20
                        || NativeFramesTest.count(profile, f -> isNumpy(profile, f)) < 20)) {
                    sampler.awaitEnd(100, TimeUnit.MILLISECONDS);
                }
                Sampler.Outcome outcome = sampler.stop();
                assertTrue(outcome != Sampler.Outcome.FAILED && outcome != Sampler.Outcome.TARGET_EXITED,
                    String.valueOf(sampler.failure()));
                int dotLine = lineOf("DOT_LINE");
                int sortLine = lineOf("SORT_LINE");
                List<int[]> blas = NativeFramesTest.stacksWith(profile, f -> isBlas(profile, f));
                List<int[]> numpySo = NativeFramesTest.stacksWith(profile, f -> isNumpy(profile, f));
                assertTrue(blas.size() >= 10, "BLAS frames: " + blas.size() + "\n" + NativeFramesTest.describe(profile));
                assertTrue(numpySo.size() >= 10, "numpy's own frames: " + numpySo.size());
                int underDot = 0;
                for (int[] stack : blas) {
                    int py = NativeFramesTest.indexOf(stack, f -> !profile.isNative(f), 0);
                    if (py > 0 && profile.frames().line(stack[py]) == dotLine) underDot++;
                }
                assertTrue(underDot >= blas.size() * 8 / 10, underDot + " of " + blas.size() + " under numpy.dot's line\n"
                    + NativeFramesTest.describe(profile));
                int underSort = 0;
                for (int[] stack : numpySo) {
                    // numpy.sort is Python (numpy's fromnumeric.py) calling C: the program's own line is further out.
                    int so = NativeFramesTest.indexOf(stack, f -> isNumpy(profile, f), 0);
                    int py = NativeFramesTest.indexOf(stack, f -> !profile.isNative(f)
                        && profile.fileName(f).endsWith("numpy_work.py"), so);
                    int line = py > 0 ? profile.frames().line(stack[py]) : -1;
                    if (line == sortLine || line == dotLine) underSort++;
                }
                assertTrue(underSort >= numpySo.size() * 8 / 10, underSort + " of " + numpySo.size());
            }
        }
    }

    private static boolean isBlas(Profile profile, int frame) {
        return profile.isNative(frame) && profile.fileName(frame).toLowerCase().contains("blas");
    }

    /** numpy's own extension ({@code _multiarray_umath.cpython-311-x86_64-linux-gnu.so}). */
    private static boolean isNumpy(Profile profile, int frame) {
        return profile.isNative(frame) && profile.fileName(frame).startsWith("_multiarray_umath");
    }

    private static boolean run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    private static int lineOf(String marker) throws IOException {
        try (InputStream in = TargetProcess.class.getResourceAsStream("numpy_work.py")) {
            String[] lines = new String(in.readAllBytes()).split("\n");
            for (int i = 0; i < lines.length; i++) if (lines[i].contains("# " + marker)) return i + 1;
        }
        throw new IllegalStateException(marker);
    }
}
