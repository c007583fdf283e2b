package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pyrometer.model.PyrometerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Cut or scrambled files of every readable format load or fail with a one-line user error, never anything else. */
class DamagedImportTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"SESSION", "COLLAPSED", "SPEEDSCOPE", "PPROF"})
    void damageGivesAProfileOrAClearError(Format format) throws IOException {
        Path good = dir.resolve("good" + format.defaultExtension());
        ProfileFiles.write(RoundTripTest.recording(), good, format);
        byte[] bytes = Files.readAllBytes(good);
        Random random = new Random(format.ordinal());
        Path bad = dir.resolve("bad" + format.defaultExtension());
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int round = 0; round < 200; round++) {
                byte[] damaged = round % 2 == 0
                    ? Arrays.copyOf(bytes, random.nextInt(bytes.length + 1))
                    : flip(bytes.clone(), random);
                Files.write(bad, damaged);
                try {
                    ProfileFiles.read(bad);
                } catch (PyrometerException expected) {
                    if (expected.getMessage().contains("\n")) throw new AssertionError("not one line: " + expected.getMessage());
                }
            }
        });
    }

    private static byte[] flip(byte[] bytes, Random random) {
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
        return bytes;
    }
}
