package dev.pyrometer.sampler;

import dev.pyrometer.model.testing.ExternalTools;
import dev.pyrometer.sampler.version.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CPython interpreters on this machine that the sampler must read: every pyenv version from 3.8 to 3.13
 * ({@code <pyenv root>/versions/X.Y.Z/bin/pythonX.Y}) and Debian's statically linked {@code /usr/bin/python3}.
 * Tests fail when there is none at all.
 */
public final class Pythons {
    private static final Pattern VERSION_DIR = Pattern.compile("3\\.(\\d+)\\.(\\d+)");

    /** One interpreter: its path and version. */
    public record Python(Path executable, PythonVersion version, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private Pythons() {}

    public static List<Python> all() {
        List<Python> found = new ArrayList<>();
        Path versions = pyenvRoot().resolve("versions");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                for (Path dir : dirs.sorted().toList()) {
                    Matcher m = VERSION_DIR.matcher(dir.getFileName().toString());
                    if (!m.matches()) continue;
                    int minor = Integer.parseInt(m.group(1));
                    if (minor < 8 || minor > 13) continue;
                    Path exe = dir.resolve("bin/python3." + minor);
                    if (Files.isExecutable(exe)) {
                        PythonVersion v = new PythonVersion(3, minor, Integer.parseInt(m.group(2)));
                        found.add(new Python(exe, v, "pyenv " + v));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Path debian = Path.of("/usr/bin/python3");
        if (Files.isExecutable(debian)) {
            PythonVersion v = versionOf(debian);
            if (v != null && v.atLeast(3, 8)) found.add(new Python(debian, v, "debian " + v));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no CPython 3.8-3.13 found (looked in " + versions + " and /usr/bin/python3)");
        }
        if (ExternalTools.strict()) {
            for (int minor = 8; minor <= 13; minor++) {
                int m = minor;
                if (found.stream().noneMatch(p -> p.version().minor() == m)) {
                    throw new IllegalStateException("CI=true and no Python 3." + m + " under " + versions
                        + ": every version from 3.8 to 3.13 must be tested (pyenv install 3." + m + ")");
                }
            }
        }
        return found;
    }

    /**
     * The oldest and newest pyenv Pythons (3.8 and 3.13 when installed) and Debian's static one: for tests that run
     * many processes each, where every version would take too long.
     */
    public static List<Python> oldestNewestAndStatic() {
        List<Python> all = all();
        List<Python> pyenv = all.stream().filter(p -> p.label().startsWith("pyenv"))
            .sorted(java.util.Comparator.comparingInt((Python p) -> p.version().minor())).toList();
        List<Python> chosen = new ArrayList<>();
        if (!pyenv.isEmpty()) chosen.add(pyenv.getFirst());
        if (pyenv.size() > 1) chosen.add(pyenv.getLast());
        all.stream().filter(p -> p.label().startsWith("debian")).forEach(chosen::add);
        return chosen;
    }

    private static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    private static PythonVersion versionOf(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])")
                .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return PythonVersion.parse(out);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
