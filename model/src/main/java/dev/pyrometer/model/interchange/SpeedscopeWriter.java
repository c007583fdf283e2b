package dev.pyrometer.model.interchange;

import com.google.gson.stream.JsonWriter;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Writes speedscope's JSON format: one "sampled" profile per thread (named {@code Thread TID "name"} as py-spy
 * does), frames with file and line. Samples stay in time order, so speedscope's time-order view works; runs of
 * the same stack are written once with their count as weight (unit "none"). Samples without Python frames are
 * left out, as in every export.
 */
public final class SpeedscopeWriter {
    private static final String SCHEMA = "https://www.speedscope.app/file-format-schema.json";

    private SpeedscopeWriter() {}

    /** Returns the number of samples written. */
    public static long write(Profile profile, Selection selection, String name, Writer out) throws IOException {
        Snapshot snapshot = Snapshot.of(profile);
        int threads = snapshot.threads();
        // Per thread: runs of equal stacks in time order, as (stack, count) pairs.
        IntList[] runStacks = new IntList[threads];
        IntList[] runCounts = new IntList[threads];
        int[] usedFrames = new int[snapshot.frames()];
        Arrays.fill(usedFrames, -1);
        int[] frameCount = {0};
        long[] written = {0};
        SelectedSamples.forEach(snapshot, selection, (i, thread, stack, state) -> {
            if (stack == StackTable.EMPTY) return;
            if (runStacks[thread] == null) {
                runStacks[thread] = new IntList();
                runCounts[thread] = new IntList();
            }
            IntList stacks = runStacks[thread];
            if (stacks.size > 0 && stacks.last() == stack) {
                runCounts[thread].values[runCounts[thread].size - 1]++;
            } else {
                stacks.add(stack);
                runCounts[thread].add(1);
                for (int s = stack; s != StackTable.EMPTY; s = profile.stacks().parent(s)) {
                    int f = profile.stacks().frame(s);
                    if (usedFrames[f] < 0) usedFrames[f] = frameCount[0]++;
                }
            }
            written[0]++;
        });

        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("$schema").value(SCHEMA);
        json.name("shared").beginObject().name("frames").beginArray();
        int[] frameAt = new int[frameCount[0]];
        for (int f = 0; f < usedFrames.length; f++) if (usedFrames[f] >= 0) frameAt[usedFrames[f]] = f;
        FrameTable frames = profile.frames();
        for (int f : frameAt) {
            json.beginObject().name("name").value(profile.functionName(f)).name("file").value(profile.fileName(f));
            if (frames.line(f) > 0) json.name("line").value(frames.line(f));
            json.endObject();
        }
        json.endArray().endObject();
        json.name("profiles").beginArray();
        for (int t = 0; t < threads; t++) {
            if (runStacks[t] == null) continue;
            long total = 0;
            for (int r = 0; r < runCounts[t].size; r++) total += runCounts[t].values[r];
            String threadName = profile.threads().name(t);
            json.beginObject().name("type").value("sampled")
                .name("name").value(processPrefix(profile, t) + "Thread " + profile.threads().osThreadId(t) + " \"" + (threadName == null ? "" : threadName) + "\"")
                .name("unit").value("none").name("startValue").value(0).name("endValue").value(total);
            json.name("samples").beginArray();
            for (int r = 0; r < runStacks[t].size; r++) {
                json.beginArray();
                for (int f : SelectedSamples.rootFirst(profile, runStacks[t].values[r])) json.value(usedFrames[f]);
                json.endArray();
            }
            json.endArray().name("weights").beginArray();
            for (int r = 0; r < runCounts[t].size; r++) json.value(runCounts[t].values[r]);
            json.endArray().endObject();
        }
        json.endArray();
        json.name("name").value(name);
        json.name("activeProfileIndex").value(0);
        json.name("exporter").value("pyrometer");
        json.endObject();
        json.flush();
        return written[0];
    }

    /** A growable int array. */
    private static final class IntList {
        int[] values = new int[16];
        int size;

        void add(int value) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = value;
        }

        int last() { return values[size - 1]; }
    }

    /** In a recording of several processes, each thread's profile names its process first. */
    static String processPrefix(Profile profile, int thread) {
        int process = profile.threads().process(thread);
        return process < 0 ? "" : profile.processes().get(process).frameName() + " ";
    }
}
