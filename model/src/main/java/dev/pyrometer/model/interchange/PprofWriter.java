package dev.pyrometer.model.interchange;

import static dev.pyrometer.model.interchange.PprofFields.*;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes pprof's gzipped {@code profile.proto}: sample types {@code samples/count} and {@code cpu/nanoseconds}
 * (samples times the sampling period), one location per frame (function and line), one function per
 * (name, file, first line), and the thread as {@code thread} / {@code thread_id} labels. {@code go tool pprof},
 * Pyroscope and other pprof readers load it. Samples without Python frames are left out, as in every export.
 */
public final class PprofWriter {
    private static final long DEFAULT_PERIOD_NANOS = 10_000_000;

    private PprofWriter() {}

    /** Returns the number of samples written. */
    public static long write(Profile profile, Selection selection, OutputStream out) throws IOException {
        Snapshot snapshot = Snapshot.of(profile);
        SelectedSamples.PairCounts counts = new SelectedSamples.PairCounts();
        long[] written = {0};
        SelectedSamples.forEach(snapshot, selection, (i, thread, stack, state) -> {
            if (stack == StackTable.EMPTY) return;
            counts.add(thread, stack);
            written[0]++;
        });
        long period = periodNanos(profile, snapshot);
        Strings strings = new Strings();
        FrameTable frames = profile.frames();
        int[] locationOfFrame = new int[snapshot.frames()];
        Map<List<Object>, Integer> functionIds = new HashMap<>();
        ByteArrayOutputStream locations = new ByteArrayOutputStream();
        ByteArrayOutputStream functions = new ByteArrayOutputStream();
        CodedOutputStream locationOut = CodedOutputStream.newInstance(locations);
        CodedOutputStream functionOut = CodedOutputStream.newInstance(functions);
        int nextLocation = 1;

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CodedOutputStream pb = CodedOutputStream.newInstance(body);
        pb.writeByteArray(PROFILE_SAMPLE_TYPE, valueType(strings.id("samples"), strings.id("count")));
        pb.writeByteArray(PROFILE_SAMPLE_TYPE, valueType(strings.id("cpu"), strings.id("nanoseconds")));
        int threadKey = strings.id("thread");
        int threadIdKey = strings.id("thread_id");
        for (long[] row : counts.rows()) {
            int thread = (int) row[0];
            int stack = (int) row[1];
            long count = row[2];
            int depth = profile.stacks().depth(stack);
            long[] locationIds = new long[depth];
            int d = 0;
            for (int s = stack; s != StackTable.EMPTY; s = profile.stacks().parent(s)) {
                int frame = profile.stacks().frame(s);
                if (locationOfFrame[frame] == 0) {
                    List<Object> function = List.of(profile.functionName(frame), profile.fileName(frame), frames.firstLine(frame));
                    Integer functionId = functionIds.get(function);
                    if (functionId == null) {
                        functionId = functionIds.size() + 1;
                        functionIds.put(function, functionId);
                        functionOut.writeByteArray(PROFILE_FUNCTION, function(functionId, strings.id(profile.functionName(frame)),
                            strings.id(profile.fileName(frame)), frames.firstLine(frame)));
                    }
                    locationOfFrame[frame] = nextLocation++;
                    locationOut.writeByteArray(PROFILE_LOCATION, location(locationOfFrame[frame], functionId, frames.line(frame)));
                }
                locationIds[d++] = locationOfFrame[frame];
            }
            String threadName = SpeedscopeWriter.processPrefix(profile, thread) + profile.threads().label(thread);
            pb.writeByteArray(PROFILE_SAMPLE, sample(locationIds, new long[] {count, count * period},
                threadKey, strings.id(threadName), threadIdKey, profile.threads().osThreadId(thread)));
        }
        locationOut.flush();
        functionOut.flush();
        pb.flush();
        body.writeBytes(locations.toByteArray());
        body.writeBytes(functions.toByteArray());

        // The string table comes after everything that adds to it.
        int cpu = strings.id("cpu");
        int nanoseconds = strings.id("nanoseconds");
        int comment = strings.id("Recorded by Pyrometer" + (profile.metadata("command") == null ? "" : ": " + profile.metadata("command")));
        for (String s : strings.list()) pb.writeString(PROFILE_STRING_TABLE, s);
        long start = startNanos(profile);
        if (start > 0) pb.writeInt64(PROFILE_TIME_NANOS, start);
        pb.writeInt64(PROFILE_DURATION_NANOS, durationNanos(profile, snapshot));
        pb.writeByteArray(PROFILE_PERIOD_TYPE, valueType(cpu, nanoseconds));
        pb.writeInt64(PROFILE_PERIOD, period);
        pb.writeInt64(PROFILE_COMMENT, comment);
        pb.writeInt64(PROFILE_DEFAULT_SAMPLE_TYPE, cpu);
        pb.flush();

        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        gzip.write(body.toByteArray());
        gzip.finish();
        gzip.flush();
        return written[0];
    }

    private static byte[] valueType(int type, int unit) throws IOException {
        return message(m -> {
            m.writeInt64(VALUE_TYPE_TYPE, type);
            m.writeInt64(VALUE_TYPE_UNIT, unit);
        });
    }

    private static byte[] function(long id, int name, int file, int startLine) throws IOException {
        return message(m -> {
            m.writeUInt64(FUNCTION_ID, id);
            // No system_name: pprof would "demangle" it with C++ rules, turning <module> or <lambda> into nothing.
            m.writeInt64(FUNCTION_NAME, name);
            m.writeInt64(FUNCTION_FILENAME, file);
            m.writeInt64(FUNCTION_START_LINE, startLine);
        });
    }

    private static byte[] location(long id, long functionId, int line) throws IOException {
        byte[] lineMessage = message(m -> {
            m.writeUInt64(LINE_FUNCTION_ID, functionId);
            m.writeInt64(LINE_LINE, line);
        });
        return message(m -> {
            m.writeUInt64(LOCATION_ID, id);
            m.writeByteArray(LOCATION_LINE, lineMessage);
        });
    }

    private static byte[] sample(long[] locationIds, long[] values, int threadKey, int threadName, int threadIdKey,
                                 long threadId) throws IOException {
        byte[] nameLabel = message(m -> {
            m.writeInt64(LABEL_KEY, threadKey);
            m.writeInt64(LABEL_STR, threadName);
        });
        byte[] idLabel = message(m -> {
            m.writeInt64(LABEL_KEY, threadIdKey);
            m.writeInt64(LABEL_NUM, threadId);
        });
        return message(m -> {
            packed(m, SAMPLE_LOCATION_ID, locationIds, true);
            packed(m, SAMPLE_VALUE, values, false);
            m.writeByteArray(SAMPLE_LABEL, nameLabel);
            m.writeByteArray(SAMPLE_LABEL, idLabel);
        });
    }

    /** A packed repeated varint field (proto3's default encoding for repeated scalars). */
    private static void packed(CodedOutputStream m, int field, long[] values, boolean unsigned) throws IOException {
        int size = 0;
        for (long v : values) size += unsigned ? CodedOutputStream.computeUInt64SizeNoTag(v) : CodedOutputStream.computeInt64SizeNoTag(v);
        m.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        m.writeUInt32NoTag(size);
        for (long v : values) {
            if (unsigned) m.writeUInt64NoTag(v);
            else m.writeInt64NoTag(v);
        }
    }

    @FunctionalInterface
    private interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Fields fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes, 64);
        fields.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** The sampling period: from the recorded rate, else from the busiest thread's samples over the recording. */
    static long periodNanos(Profile profile, Snapshot snapshot) {
        String rate = profile.metadata("rate.hz");
        if (rate != null) {
            try {
                double hz = Double.parseDouble(rate);
                if (hz > 0) return Math.round(1e9 / hz);
            } catch (NumberFormatException ignored) {
                // Fall back to the estimate below.
            }
        }
        int[] perThread = new int[Math.max(1, snapshot.threads())];
        for (int i = 0; i < snapshot.samples(); i++) {
            int t = profile.samples().thread(i);
            if (t < perThread.length) perThread[t]++;
        }
        int ticks = Arrays.stream(perThread).max().orElse(0);
        long duration = durationNanos(profile, snapshot);
        return ticks > 1 && duration > 0 ? Math.max(1, duration / (ticks - 1)) : DEFAULT_PERIOD_NANOS;
    }

    private static long durationNanos(Profile profile, Snapshot snapshot) {
        if (snapshot.samples() < 2) return 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (int i = 0; i < snapshot.samples(); i++) {
            long t = profile.samples().timeMicros(i);
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return (last - first) * 1000;
    }

    /** The recording's start as nanoseconds since the epoch, from the sampler's metadata; 0 when unknown. */
    private static long startNanos(Profile profile) {
        String start = profile.metadata("start.epoch.millis");
        if (start == null) return 0;
        try {
            return Math.multiplyExact(Long.parseLong(start.strip()), 1_000_000L);
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }

    /** The string table: index 0 is always "". */
    private static final class Strings {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> list = new ArrayList<>();

        Strings() {
            id("");
        }

        int id(String s) {
            Integer known = ids.get(s);
            if (known != null) return known;
            ids.put(s, list.size());
            list.add(s);
            return list.size() - 1;
        }

        List<String> list() { return list; }
    }
}
