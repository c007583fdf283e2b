package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.Profile;
import dev.pyrometer.sampler.MetadataKeys;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the header says about one run: what ran (command, Python), when, for how long, and how much was sampled.
 * Missing facts (a collapsed-stacks import has no metadata) are null.
 */
public record RunFacts(String name, String command, String python, String started, double seconds, long samples,
                       int threads, String rate, boolean live) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The facts of a run; {@code analysis} (may be null) gives the time span when the file does not. */
    public static RunFacts of(RunSource run, Analysis analysis) {
        Profile p = run.profile();
        String started = null;
        String epoch = p.metadata(MetadataKeys.START_EPOCH_MILLIS);
        if (epoch != null) {
            try {
                started = WHEN.format(Instant.ofEpochMilli(Long.parseLong(epoch)).atZone(ZoneId.systemDefault()));
            } catch (NumberFormatException | java.time.DateTimeException ignored) {
                // a damaged value: leave it out rather than show nonsense
            }
        }
        double seconds = 0;
        String recorded = p.metadata(MetadataKeys.DURATION_SECONDS);
        if (recorded != null && !run.isLive()) {
            try {
                seconds = Double.parseDouble(recorded);
            } catch (NumberFormatException ignored) {
                // fall back to the samples' time span below
            }
        }
        if (seconds <= 0 && analysis != null && analysis.counts().lastMicros() > analysis.counts().firstMicros()) {
            seconds = (analysis.counts().lastMicros() - analysis.counts().firstMicros()) / 1e6;
        }
        String rate = p.metadata(MetadataKeys.RATE_HZ);
        if (rate != null) {
            try {
                rate = Formats.rate(Double.parseDouble(rate));
            } catch (NumberFormatException e) {
                rate = null;
            }
        }
        return new RunFacts(run.name(), p.metadata(MetadataKeys.COMMAND), p.metadata(MetadataKeys.PYTHON_VERSION), started,
            seconds, p.samples().size(), p.threads().size(), rate, run.isLive());
    }

    /**
     * The facts that differ between two runs, by their column names ("paths" when the commands differ only in their
     * folders); lengths count only when far apart.
     */
    public static List<String> differences(RunFacts base, RunFacts news) {
        List<String> differ = new ArrayList<>();
        if (!Objects.equals(base.command, news.command)) differ.add(onlyPathsDiffer(base.command, news.command) ? "paths" : "command");
        if (!Objects.equals(base.python, news.python)) differ.add("Python");
        if (far(base.seconds, news.seconds)) differ.add("duration");
        if (far(base.samples, news.samples)) differ.add("samples");
        if (base.threads != news.threads) differ.add("threads");
        if (!Objects.equals(base.rate, news.rate)) differ.add("rate");
        return differ;
    }

    /** The same command but for its folders: {@code /v1/proj/app.py} and {@code /v2/proj/app.py}, shown alike. */
    private static boolean onlyPathsDiffer(String a, String b) {
        return a != null && b != null && shortCommand(a).equals(shortCommand(b));
    }

    /** More than 10% apart: recordings of one program never last exactly as long. */
    private static boolean far(double a, double b) {
        double larger = Math.max(Math.abs(a), Math.abs(b));
        return larger > 0 && Math.abs(a - b) / larger > 0.10;
    }

    /** A command line with paths cut to their last part: {@code python3.11 app.py --fast}. */
    public static String shortCommand(String command) {
        StringBuilder out = new StringBuilder();
        for (String word : command.strip().split("\\s+")) {
            int slash = word.lastIndexOf('/');
            if (!out.isEmpty()) out.append(' ');
            out.append(slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word);
        }
        return out.toString();
    }

    public String durationText() {
        return seconds > 0 ? Formats.seconds(seconds) : "–";
    }
}
