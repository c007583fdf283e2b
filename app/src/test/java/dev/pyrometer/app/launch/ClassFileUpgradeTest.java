package dev.pyrometer.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * picocli's jar, upgraded: every class file is at version 52 with stack maps, every class passes the type-checking
 * verifier when it is loaded on its own, and the upgraded picocli still parses a command line.
 */
class ClassFileUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void picocliIsUpgradedVerifiedAndStillParses() throws Exception {
        Path original = Path.of(picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(ClassFileUpgrade.holdsOldClasses(original), "picocli ships Java 5 class files");

        ClassFileUpgrade.main(new String[] {dir.toString(), original.toString()});
        Path upgraded = dir.resolve(original.getFileName());
        assertTrue(Files.isRegularFile(upgraded));
        assertFalse(ClassFileUpgrade.holdsOldClasses(upgraded));

        List<String> classes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(upgraded.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/")) continue;
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    byte[] head = in.readNBytes(8);
                    assertEquals(52, (head[6] & 0xFF) << 8 | (head[7] & 0xFF), name);
                }
                classes.add(name.substring(0, name.length() - 6).replace('/', '.'));
            }
        }
        // A loader of its own (parent: the platform loader, so nothing comes from the original jar): linking a
        // class runs the type-checking verifier on it, which fails on a missing or wrong stack map.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {upgraded.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) Class.forName(name, true, loader);
            Class<?> commandLine = loader.loadClass("picocli.CommandLine");
            Class<?> spec = loader.loadClass("picocli.CommandLine$Model$CommandSpec");
            Class<?> option = loader.loadClass("picocli.CommandLine$Model$OptionSpec");
            Object command = spec.getMethod("create").invoke(null);
            Object builder = option.getMethod("builder", String[].class).invoke(null, (Object) new String[] {"--rate"});
            Method type = builder.getClass().getMethod("type", Class.class);
            type.setAccessible(true); // declared in a package-private superclass
            type.invoke(builder, int.class);
            spec.getMethod("addOption", option).invoke(command, builder.getClass().getMethod("build").invoke(builder));
            Object cli = commandLine.getConstructor(Object.class).newInstance(command);
            Object parsed = commandLine.getMethod("parseArgs", String[].class).invoke(cli, (Object) new String[] {"--rate", "250"});
            Method value = parsed.getClass().getMethod("matchedOptionValue", String.class, Object.class);
            assertEquals(250, value.invoke(parsed, "--rate", 0));
        }
    }
}
