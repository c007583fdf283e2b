package dev.pyrometer.model.interchange;

import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes py-spy's "raw" collapsed stacks: one line per distinct stack, {@code frame;frame;… count}, root first, each
 * frame {@code function (file:line)}. flamegraph.pl, speedscope and py-spy's own tools read it.
 */
public final class CollapsedWriter {
    /**
     * @param threads     prefix each stack with its thread, as {@code py-spy record --threads} does
     * @param includeIdle keep samples of threads that were not running
     * @param gilOnly     keep only samples of the thread holding the GIL
     */
    public record Options(boolean threads, boolean includeIdle, boolean gilOnly) {
        public static final Options DEFAULT = new Options(false, false, false);
    }

    private CollapsedWriter() {}

    /** Writes the profile; returns the number of samples written. */
    public static long write(Profile profile, Options options, Writer out) throws IOException {
        SampleTable samples = profile.samples();
        int n = samples.size();
        // (thread, stack) -> count; a plain map is fine here: one pass, distinct stacks are few.
        Map<Long, long[]> counts = new HashMap<>();
        long written = 0;
        for (int i = 0; i < n; i++) {
            int state = samples.state(i);
            if (!options.includeIdle() && SampleState.isIdle(state)) continue;
            if (options.gilOnly() && !SampleState.holdsGil(state)) continue;
            int stack = samples.stack(i);
            if (stack == StackTable.EMPTY) continue;
            long key = (options.threads() ? (long) samples.thread(i) << 32 : 0) | (stack & 0xFFFFFFFFL);
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            written++;
        }
        StringBuilder line = new StringBuilder(256);
        for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
            line.setLength(0);
            long key = entry.getKey();
            if (options.threads()) {
                int thread = (int) (key >>> 32);
                line.append(threadFrame(profile, thread)).append(';');
            }
            appendStack(profile, (int) key, line);
            line.append(' ').append(entry.getValue()[0]).append('\n');
            out.append(line);
        }
        out.flush();
        return written;
    }

    static String threadFrame(Profile profile, int thread) {
        String name = profile.threads().name(thread);
        String id = "0x" + Long.toHexString(profile.threads().osThreadId(thread)).toUpperCase();
        return name != null ? "thread (" + id + ") " + name.replace(';', ',') : "thread (" + id + ")";
    }

    private static void appendStack(Profile profile, int stack, StringBuilder out) {
        StackTable stacks = profile.stacks();
        FrameTable frames = profile.frames();
        int depth = stacks.depth(stack);
        int[] path = new int[depth];
        for (int s = stack, i = depth - 1; s != StackTable.EMPTY; s = stacks.parent(s), i--) path[i] = stacks.frame(s);
        for (int i = 0; i < depth; i++) {
            if (i > 0) out.append(';');
            int frame = path[i];
            out.append(profile.strings().get(frames.function(frame)).replace(';', ','))
                .append(" (").append(profile.strings().get(frames.file(frame)).replace(';', ','));
            if (frames.line(frame) > 0) out.append(':').append(frames.line(frame));
            out.append(')');
        }
    }
}
