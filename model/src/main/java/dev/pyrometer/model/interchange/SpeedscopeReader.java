package dev.pyrometer.model.interchange;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads speedscope's JSON file format (https://www.speedscope.app/file-format-schema.json): sampled profiles (what
 * py-spy and Pyrometer write) and evented ones, each profile becoming a thread. Weights in time units become that
 * many sampling intervals (the smallest weight of the file, py-spy's 1/rate), other weights are counts.
 */
public final class SpeedscopeReader {
    private static final Pattern PY_SPY_THREAD = Pattern.compile("Thread (\\d+)(?: \"(.*)\")?");
    /** Evented profiles are cut into samples of this length, unless that would make too many. */
    private static final double EVENT_SAMPLE_MICROS = 1000;

    record FileJson(@SerializedName("$schema") String schema, SharedJson shared, List<ProfileJson> profiles, String name,
                    String exporter) {}
    record SharedJson(List<FrameJson> frames) {}
    record FrameJson(String name, String file, Integer line, Integer col) {}
    record ProfileJson(String type, String name, String unit, Double startValue, Double endValue, List<int[]> samples,
                       List<Double> weights, List<EventJson> events) {}
    record EventJson(String type, double at, int frame) {}

    private SpeedscopeReader() {}

    public static Profile read(Reader in, String source, BooleanSupplier cancelled) {
        FileJson file;
        try {
            file = new Gson().fromJson(in, FileJson.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw FileErrors.badInput(source + " is not valid speedscope JSON: " + firstLine(e.getMessage()) + ".", e);
        }
        if (file == null || file.shared() == null || file.shared().frames() == null || file.profiles() == null) {
            throw FileErrors.badInput(source + " is JSON but not a speedscope profile (it lacks \"shared.frames\" or \"profiles\").");
        }
        Importer importer = new Importer(source, "speedscope", cancelled);
        if (file.exporter() != null) importer.profile().metadata("source.exporter", file.exporter());
        List<FrameJson> frames = file.shared().frames();
        int[] frameIds = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            FrameJson f = frames.get(i);
            if (f == null || f.name() == null) throw bad(source, "frame " + i + " has no name");
            frameIds[i] = importer.frame(f.file(), f.name(), f.line() == null ? 0 : f.line(), 0);
        }
        double interval = smallestWeight(file.profiles());
        for (int p = 0; p < file.profiles().size(); p++) {
            ProfileJson profile = file.profiles().get(p);
            if (profile == null || profile.type() == null) throw bad(source, "profile " + p + " has no type");
            int thread = thread(importer, profile.name(), p);
            double toMicros = microsPerUnit(profile.unit());
            switch (profile.type()) {
                case "sampled" -> sampled(importer, source, profile, thread, frameIds, toMicros, interval);
                case "evented" -> evented(importer, source, profile, thread, frameIds, toMicros);
                default -> throw bad(source, "profile " + p + " has unknown type \"" + profile.type() + "\"");
            }
        }
        return importer.profile();
    }

    private static void sampled(Importer importer, String source, ProfileJson profile, int thread, int[] frameIds,
                                double toMicros, double interval) {
        List<int[]> samples = profile.samples() == null ? List.of() : profile.samples();
        List<Double> weights = profile.weights();
        if (weights != null && weights.size() != samples.size()) throw bad(source, "profile \"" + profile.name() + "\" has "
            + samples.size() + " samples but " + weights.size() + " weights");
        boolean timed = toMicros > 0;
        double start = profile.startValue() == null ? 0 : profile.startValue();
        double clock = timed ? start * toMicros : importer.clock();
        int[] stack = new int[64];
        for (int s = 0; s < samples.size(); s++) {
            int[] rootFirst = samples.get(s);
            if (rootFirst == null) throw bad(source, "sample " + s + " of \"" + profile.name() + "\" is null");
            double weight = weights == null || weights.get(s) == null ? 1 : weights.get(s);
            if (!(weight >= 0) || Double.isInfinite(weight)) throw bad(source, "sample " + s + " has weight " + weight);
            long count = timed ? (weight == 0 ? 0 : Math.max(1, Math.round(weight / interval))) : Math.round(weight);
            if (rootFirst.length > stack.length) stack = new int[rootFirst.length * 2];
            for (int i = 0; i < rootFirst.length; i++) stack[rootFirst.length - 1 - i] = frameId(source, frameIds, rootFirst[i]);
            importer.clockAt((long) clock);
            long step = timed ? Math.max(1, Math.round(weight * toMicros / Math.max(1, count))) : CollapsedReader.STEP_MICROS;
            importer.add(thread, stack, rootFirst.length, count, step);
            clock = timed ? clock + weight * toMicros : importer.clock();
        }
    }

    private static void evented(Importer importer, String source, ProfileJson profile, int thread, int[] frameIds, double toMicros) {
        List<EventJson> events = new ArrayList<>(profile.events() == null ? List.of() : profile.events());
        events.sort(Comparator.comparingDouble(EventJson::at));
        double unitMicros = toMicros > 0 ? toMicros : 1000;
        double span = events.isEmpty() ? 0 : (events.getLast().at() - events.getFirst().at()) * unitMicros;
        double sampleMicros = Math.max(EVENT_SAMPLE_MICROS, span / 10_000_000);
        int[] open = new int[64];
        int depth = 0;
        double previous = events.isEmpty() ? 0 : events.getFirst().at();
        for (EventJson event : events) {
            if (event == null) throw bad(source, "an event is null");
            double elapsed = (event.at() - previous) * unitMicros;
            if (depth > 0 && elapsed > 0) {
                int[] innermostFirst = new int[depth];
                for (int i = 0; i < depth; i++) innermostFirst[i] = open[depth - 1 - i];
                importer.clockAt((long) (previous * unitMicros));
                importer.add(thread, innermostFirst, depth, Math.round(elapsed / sampleMicros), (long) sampleMicros);
            }
            previous = event.at();
            int frame = frameId(source, frameIds, event.frame());
            if ("O".equals(event.type())) {
                if (depth == open.length) open = Arrays.copyOf(open, depth * 2);
                open[depth++] = frame;
            } else if ("C".equals(event.type())) {
                // Close the frame and anything left open above it; a close without an open is ignored.
                for (int d = depth - 1; d >= 0; d--) {
                    if (open[d] == frame) {
                        depth = d;
                        break;
                    }
                }
            } else {
                throw bad(source, "an event has unknown type \"" + event.type() + "\"");
            }
        }
    }

    private static int thread(Importer importer, String name, int index) {
        if (name != null) {
            Matcher m = PY_SPY_THREAD.matcher(name);
            if (m.matches() && m.group(1).length() < 18) {
                String threadName = m.group(2);
                return importer.thread(Long.parseLong(m.group(1)), threadName == null || threadName.isEmpty() ? null : threadName);
            }
        }
        return importer.thread(index + 1, name);
    }

    private static double smallestWeight(List<ProfileJson> profiles) {
        double smallest = Double.MAX_VALUE;
        for (ProfileJson p : profiles) {
            if (p == null || p.weights() == null || microsPerUnit(p.unit()) <= 0) continue;
            for (Double w : p.weights()) if (w != null && w > 0 && w < smallest) smallest = w;
        }
        return smallest == Double.MAX_VALUE ? 1 : smallest;
    }

    /** Microseconds per unit for time units, 0 for counts ("none", "bytes", missing). */
    private static double microsPerUnit(String unit) {
        if (unit == null) return 0;
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "nanoseconds" -> 1e-3;
            case "microseconds" -> 1;
            case "milliseconds" -> 1e3;
            case "seconds" -> 1e6;
            default -> 0;
        };
    }

    private static int frameId(String source, int[] frameIds, int index) {
        if (index < 0 || index >= frameIds.length) throw bad(source, "a stack refers to frame " + index + ", which is not defined");
        return frameIds[index];
    }

    private static PyrometerException bad(String source, String what) {
        return FileErrors.badInput(source + " is not a valid speedscope profile: " + what + ".");
    }

    /** A Java class name in front of a parser's message ({@code com.google.gson.stream.MalformedJsonException: }). */
    private static final java.util.regex.Pattern CLASS_PREFIX =
        java.util.regex.Pattern.compile("^(?:[\\w$]+\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    /** The parser's first line in the user's words: no class names; "End of input" said as what it means. */
    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        while (CLASS_PREFIX.matcher(line).find()) line = CLASS_PREFIX.matcher(line).replaceFirst("");
        if (line.startsWith("End of input")) line = "the file ends before the JSON does" + line.substring(12);
        // Gson's JSON path ("path $.a[0]") and documentation links mean nothing to someone with a profile.
        int path = line.indexOf(" path $");
        if (path >= 0) line = line.substring(0, path);
        int see = line.indexOf(" See https://");
        if (see >= 0) line = line.substring(0, see);
        return line;
    }
}
