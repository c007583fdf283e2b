package dev.pyrometer.app.ui.support;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Profiles shaped like recordings of {@code moving_hot.py} (a test resource, copied to a real file so the source pane
 * finds it): run "a" spends its time in hot_a, run "b" in hot_b, and each calls one function the other does not.
 * Sample counts are exact, not random, so a test knows every share.
 */
public final class CompareProfiles {
    public static final String RESOURCE = "/dev/pyrometer/app/ui/compare/moving_hot.py";

    public final Path script;
    public final int hotALine;
    public final int hotBLine;
    public final int onlyALine;
    public final int onlyBLine;
    private final List<String> lines;

    private CompareProfiles(Path script, List<String> lines) {
        this.script = script;
        this.lines = lines;
        this.hotALine = lineOf("# HOT_A");
        this.hotBLine = lineOf("# HOT_B");
        this.onlyALine = lineOf("# ONLY_A");
        this.onlyBLine = lineOf("# ONLY_B");
    }

    /** Copies the program into {@code dir}. */
    public static CompareProfiles in(Path dir) throws IOException {
        Path script = dir.resolve("moving_hot.py");
        try (InputStream in = CompareProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("no test resource " + RESOURCE);
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new CompareProfiles(script, Files.readAllLines(script));
    }

    /** The 1-based line holding {@code text}. */
    public int lineOf(String text) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new IllegalStateException(text + " is not in " + script);
    }

    /**
     * A run: {@code hotA} samples in hot_a, {@code hotB} in hot_b, {@code only} in only_in_a (run "a") or only_in_b
     * (run "b"), interleaved in time at 1 kHz on one thread, plus {@code extraThreads} idle threads.
     */
    public Profile run(String which, int hotA, int hotB, int only, String python, int extraThreads) {
        Profile p = new Profile();
        feed(p, which, hotA, hotB, only, extraThreads);
        p.metadata("python.version", python);
        p.metadata("command", "python3 " + script + " " + which + " 2");
        p.metadata("rate.hz", "1000");
        return p;
    }

    /** Appends samples to a run, after its last one, as a recording would. */
    public void feed(Profile p, String which, int hotA, int hotB, int only, int extraThreads) {
        String file = script.toString();
        int module = p.frame(file, "<module>", lines.indexOf("main()") + 1, 1);
        int main = p.frame(file, "main", lineOf("deadline = time.time()"), lineOf("def main"));
        int a = p.frame(file, "hot_a", hotALine, lineOf("def hot_a"));
        int b = p.frame(file, "hot_b", hotBLine, lineOf("def hot_b"));
        int onlyFrame = which.equals("a") ? p.frame(file, "only_in_a", onlyALine, lineOf("def only_in_a"))
            : p.frame(file, "only_in_b", onlyBLine, lineOf("def only_in_b"));
        int thread = p.thread(100, "MainThread");
        int[] idle = new int[extraThreads];
        for (int t = 0; t < extraThreads; t++) idle[t] = p.thread(200 + t, "worker-" + t);
        int total = hotA + hotB + only;
        int[] left = {hotA, hotB, only};
        int[] top = {a, b, onlyFrame};
        long time = p.samples().size() == 0 ? 0 : p.samples().timeMicros(p.samples().size() - 1) * 1000;
        for (int s = 0; s < total; s++) {
            // Round-robin over what is left, so every stretch of the run looks alike.
            int pick = s % 3;
            while (left[pick] == 0) pick = (pick + 1) % 3;
            left[pick]--;
            time += 1_000_000;
            p.sample(time, thread, new int[] {top[pick], main, module}, 3, SampleState.RUNNING | SampleState.GIL, 1000, 0);
            for (int t : idle) p.sample(time, t, new int[] {main, module}, 2, 0, 0, 0);
        }
    }
}
