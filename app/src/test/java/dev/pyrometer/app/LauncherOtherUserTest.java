package dev.pyrometer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's launcher run by a user who cannot read the jars its class path lists (a checkout built by root,
 * whose class path points into root's Maven repository): one line saying what is wrong and what to do, exit code 2,
 * instead of the JVM's NoClassDefFoundError traces. Needs root, to make such a checkout and run it as nobody.
 */
class LauncherOtherUserTest {
    @TempDir Path dir;

    @Test
    void unreadableJarsAreNamedInOneLine() throws Exception {
        ExternalTools.requireThat("root".equals(System.getProperty("user.name")),
            "running the launcher as another user needs root (runuser -u nobody)");
        Path checkout = dir.resolve("checkout");
        Path launch = Files.createDirectories(checkout.resolve("app/target/launch"));
        for (String d : new String[] {"model", "sampler", "assets", "installer/src/launchers"}) {
            Files.createDirectories(checkout.resolve(d));
        }
        Files.copy(Path.of("..", "pyrometer"), checkout.resolve("pyrometer"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Path.of("..", "installer/src/launchers/pyrometer-cli.properties"),
            checkout.resolve("installer/src/launchers/pyrometer-cli.properties"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.writeString(checkout.resolve("app/target/pyrometer-app-0.1.0-SNAPSHOT.jar"), "");
        // The owner's repository: a folder only its owner may enter.
        Path repository = Files.createDirectories(dir.resolve("owner-m2"));
        Path jar = Files.writeString(repository.resolve("picocli.jar"), "");
        Files.setPosixFilePermissions(repository, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(launch.resolve("classpath-headless.txt"), jar + "\n");
        Files.writeString(launch.resolve("classpath-ui.txt"), jar + "\n");
        Files.writeString(launch.resolve("modulepath-javafx.txt"), jar + "\n");
        Path stamp = Files.writeString(launch.resolve("built.stamp"), "");
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(3600))); // built after every source
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (!p.startsWith(repository)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) || p.endsWith("pyrometer") ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        Process run = new ProcessBuilder("runuser", "-u", "nobody", "--", checkout.resolve("pyrometer").toString(),
            "record", "--", "python3", "-c", "pass").directory(checkout.toFile()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        run.waitFor(60, TimeUnit.SECONDS);
        assertEquals("pyrometer: cannot read " + jar + ": this checkout was built by another user and its class path"
            + " points into their Maven repository. Build it as yourself in a checkout you own (git clone, then"
            + " ./pyrometer), or run it as its owner.\n", output);
        assertEquals(2, run.exitValue());
    }
}
