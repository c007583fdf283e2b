package dev.pyrometer.model.interchange;

import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes py-spy's "raw" collapsed stacks: one line per distinct stack, {@code frame;frame;… count}, root first, each
 * frame {@code function (file:line)}, with {@code thread (TID): name} first when threads are kept apart, as
 * {@code py-spy record -f raw --threads} writes them. flamegraph.pl, speedscope and py-spy's tools read it.
 * Lines are sorted, so equal profiles give equal files. Reading py-spy's raw output and writing it again gives the
 * same stacks and counts: a sample without frames stays a line with no frames ({@code " 1"}, or the thread frame
 * alone), and stacks the input gave no thread get no thread frame.
 */
public final class CollapsedWriter {
    private CollapsedWriter() {}

    /**
     * Writes the selected samples; returns how many.
     *
     * @param threads prefix each stack with its thread, as {@code py-spy record --threads} does
     */
    public static long write(Profile profile, Selection selection, boolean threads, Writer out) throws IOException {
        SelectedSamples.PairCounts counts = new SelectedSamples.PairCounts();
        long[] written = {0};
        // A recording of several processes roots every stack at its process, as py-spy's --subprocesses does: the
        // thread is then kept in the count's key even when its frame is not written.
        boolean processes = profile.processes().size() > 0;
        boolean byThread = threads || processes;
        SelectedSamples.forEach(Snapshot.of(profile), selection, (i, thread, stack, state) -> {
            counts.add(byThread ? thread : -1, stack);
            written[0]++;
        });
        java.util.Map<String, Long> lines = new java.util.HashMap<>();
        StringBuilder line = new StringBuilder(256);
        for (long[] row : counts.rows()) {
            line.setLength(0);
            int thread = (int) row[0];
            int process = thread >= 0 ? profile.threads().process(thread) : -1;
            if (process >= 0) {
                for (ProcessInfo p : profile.processes().chain(process)) line.append(clean(p.frameName())).append(';');
                if (!threads && row[1] == StackTable.EMPTY) line.setLength(line.length() - 1);
            }
            boolean threadFrame = threads && thread >= 0 && !profile.threads().isUnknown(thread);
            if (threadFrame) line.append(threadFrame(profile, thread));
            if (row[1] != StackTable.EMPTY) {
                if (threadFrame) line.append(';');
                appendStack(profile, (int) row[1], line);
            }
            // Threads merged into their process may give one stack twice: one line with the sum.
            lines.merge(line.toString(), row[2], Long::sum);
        }
        List<String> sorted = new ArrayList<>(lines.size());
        for (var e : lines.entrySet()) sorted.add(e.getKey() + ' ' + e.getValue() + '\n');
        Collections.sort(sorted);
        for (String l : sorted) out.write(l);
        out.flush();
        return written[0];
    }

    /** The thread pseudo-frame py-spy 0.4 writes: {@code thread (TID): name}. */
    static String threadFrame(Profile profile, int thread) {
        String name = profile.threads().name(thread);
        String id = Long.toString(profile.threads().osThreadId(thread));
        return name != null ? "thread (" + id + "): " + clean(name) : "thread (" + id + ")";
    }

    private static void appendStack(Profile profile, int stack, StringBuilder out) {
        FrameTable frames = profile.frames();
        int[] path = SelectedSamples.rootFirst(profile, stack);
        for (int i = 0; i < path.length; i++) {
            if (i > 0) out.append(';');
            int frame = path[i];
            out.append(clean(profile.functionName(frame)));
            // py-spy writes a frame without a file as its bare name; folded files from other tools hold such frames.
            String file = profile.fileName(frame);
            if (file.isEmpty()) continue;
            out.append(" (").append(clean(file));
            if (frames.line(frame) > 0) out.append(':').append(frames.line(frame));
            out.append(')');
        }
    }

    /** Semicolons separate frames and newlines separate stacks: neither may appear inside a frame. */
    private static String clean(String text) {
        return text.replace(';', ',').replace('\n', ' ').replace('\r', ' ');
    }
}
