package dev.pyrometer.app.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.app.Main;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.RunRoots;
import dev.pyrometer.model.session.SessionReader;
import dev.pyrometer.model.session.SessionWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What users compare, recorded for real: one program in two checkouts (v2 moves time from {@code hot_a} to
 * {@code hot_b}), recorded by {@code pyrometer record} with the real sampler, and such sessions as the release
 * before roots wrote them.
 */
public final class Checkouts {
    /** A checkout's {@code app.py}; {@code SHARE_A} is how much of each round hot_a does, hot_b the rest. */
    public static final String APP = """
        import sys
        import time

        SHARE_A = %s


        def hot_a(n):
            total = 0
            for i in range(n):
                total += i * i  # HOT_A
            return total


        def hot_b(n):
            total = 0
            for i in range(n):
                total += i ^ (i >> 3)  # HOT_B
            return total


        def main():
            deadline = time.time() + float(sys.argv[1])
            while time.time() < deadline:
                hot_a(int(40000 * SHARE_A))
                hot_b(int(40000 * (1 - SHARE_A)))


        main()
        """;

    private Checkouts() {}

    /** Writes {@code dir/app.py} with hot_a doing {@code shareA} of the work; returns its path. */
    public static Path app(Path dir, double shareA) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("app.py"), APP.formatted(shareA));
    }

    /** The 1-based line of {@code app.py} holding {@code marker}. */
    public static int line(String marker) {
        List<String> lines = APP.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(marker)) return i + 1;
        throw new IllegalArgumentException(marker);
    }

    /** Records {@code command} with {@code pyrometer record} at 200 Hz into {@code out}. */
    public static Path record(Path out, String... command) {
        List<String> args = new ArrayList<>(List.of("record", "-r", "200", "-o", out.toString(), "--"));
        args.addAll(List.of(command));
        assertEquals(0, Main.run(args.toArray(String[]::new)), "recording " + String.join(" ", command));
        return out;
    }

    /** The session as the release before roots wrote it: the same recording without the roots' metadata keys. */
    public static Path withoutRoots(Path session, Path out) {
        Profile profile = SessionReader.read(session, Progress.NONE, Cancel.NEVER).profile();
        for (String key : RunRoots.KEYS) profile.metadata(key, null);
        SessionWriter.save(profile, out);
        return out;
    }
}
