package dev.pyrometer.model.interchange;

import static dev.pyrometer.model.interchange.PprofFields.*;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Profile;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads pprof profiles (gzipped or plain {@code profile.proto}): the sample count is the value whose unit is
 * "count" (else the last value divided by the period), the stack comes from locations and their lines (inlined
 * functions included), and a {@code thread} / {@code thread_id} label, when present, names the thread.
 */
public final class PprofReader {

    private record Function(String name, String file, long startLine) {}
    private record Line(long functionId, long line) {}
    private record Sample(long[] locations, long[] values, String thread, long threadId) {}

    private PprofReader() {}

    public static Profile read(InputStream raw, String source, BooleanSupplier cancelled) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        in.mark(2);
        boolean gzipped = in.read() == 0x1F && in.read() == 0x8B;
        in.reset();
        try {
            return convert(parse(gzipped ? new GZIPInputStream(in, 1 << 16) : in), source, cancelled);
        } catch (InvalidProtocolBufferException | ZipException | EOFException e) {
            throw FileErrors.badInput(source + " is not a valid pprof profile: " + e.getMessage() + ".", e);
        }
    }

    /** The decoded message, before it becomes a profile. */
    private static final class Parsed {
        final List<long[]> sampleTypes = new ArrayList<>();
        final List<Sample> samples = new ArrayList<>();
        final Map<Long, List<Line>> locations = new HashMap<>();
        final Map<Long, Function> functions = new HashMap<>();
        final List<String> strings = new ArrayList<>();
        long period;
        long defaultSampleType;
    }

    private static Parsed parse(InputStream in) throws IOException {
        CodedInputStream pb = CodedInputStream.newInstance(in);
        pb.setSizeLimit(Integer.MAX_VALUE);
        Parsed p = new Parsed();
        List<long[]> rawSamples = new ArrayList<>();
        List<long[]> rawValues = new ArrayList<>();
        List<long[][]> sampleLabels = new ArrayList<>();
        List<long[]> rawFunctions = new ArrayList<>();
        for (int tag; (tag = pb.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case PROFILE_SAMPLE_TYPE -> p.sampleTypes.add(readValueType(pb));
                case PROFILE_SAMPLE -> {
                    int limit = pb.pushLimit(pb.readRawVarint32());
                    List<Long> locations = new ArrayList<>();
                    List<Long> values = new ArrayList<>();
                    List<long[]> labels = new ArrayList<>();
                    for (int t; (t = pb.readTag()) != 0; ) {
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case SAMPLE_LOCATION_ID -> readRepeated(pb, t, locations);
                            case SAMPLE_VALUE -> readRepeated(pb, t, values);
                            case SAMPLE_LABEL -> labels.add(readLabel(pb));
                            default -> pb.skipField(t);
                        }
                    }
                    pb.popLimit(limit);
                    rawSamples.add(locations.stream().mapToLong(Long::longValue).toArray());
                    rawValues.add(values.stream().mapToLong(Long::longValue).toArray());
                    sampleLabels.add(labels.toArray(long[][]::new));
                }
                case PROFILE_LOCATION -> {
                    int limit = pb.pushLimit(pb.readRawVarint32());
                    long id = 0;
                    List<Line> lines = new ArrayList<>();
                    for (int t; (t = pb.readTag()) != 0; ) {
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case LOCATION_ID -> id = pb.readUInt64();
                            case LOCATION_LINE -> {
                                int lineLimit = pb.pushLimit(pb.readRawVarint32());
                                long function = 0, line = 0;
                                for (int u; (u = pb.readTag()) != 0; ) {
                                    switch (WireFormat.getTagFieldNumber(u)) {
                                        case LINE_FUNCTION_ID -> function = pb.readUInt64();
                                        case LINE_LINE -> line = pb.readInt64();
                                        default -> pb.skipField(u);
                                    }
                                }
                                pb.popLimit(lineLimit);
                                lines.add(new Line(function, line));
                            }
                            default -> pb.skipField(t);
                        }
                    }
                    pb.popLimit(limit);
                    p.locations.put(id, lines);
                }
                case PROFILE_FUNCTION -> {
                    int limit = pb.pushLimit(pb.readRawVarint32());
                    long[] f = new long[4];
                    for (int t; (t = pb.readTag()) != 0; ) {
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case FUNCTION_ID -> f[0] = pb.readUInt64();
                            case FUNCTION_NAME -> f[1] = pb.readInt64();
                            case FUNCTION_FILENAME -> f[2] = pb.readInt64();
                            case FUNCTION_START_LINE -> f[3] = pb.readInt64();
                            default -> pb.skipField(t);
                        }
                    }
                    pb.popLimit(limit);
                    rawFunctions.add(f);
                }
                case PROFILE_STRING_TABLE -> p.strings.add(pb.readString());
                case PROFILE_PERIOD -> p.period = pb.readInt64();
                case PROFILE_DEFAULT_SAMPLE_TYPE -> p.defaultSampleType = pb.readInt64();
                default -> pb.skipField(tag);
            }
        }
        // Strings come last in the message, so names resolve only now.
        for (long[] f : rawFunctions) p.functions.put(f[0], new Function(string(p, f[1]), string(p, f[2]), f[3]));
        long threadKey = p.strings.indexOf("thread");
        long threadIdKey = p.strings.indexOf("thread_id");
        for (int i = 0; i < rawSamples.size(); i++) {
            String thread = null;
            long threadId = -1;
            for (long[] label : sampleLabels.get(i)) {
                if (label[0] == threadKey && threadKey > 0) thread = string(p, label[1]);
                if (label[0] == threadIdKey && threadIdKey > 0) threadId = label[2];
            }
            p.samples.add(new Sample(rawSamples.get(i), rawValues.get(i), thread, threadId));
        }
        return p;
    }

    private static Profile convert(Parsed p, String source, BooleanSupplier cancelled) {
        Importer importer = new Importer(source, "pprof", cancelled);
        int countIndex = -1;
        for (int i = 0; i < p.sampleTypes.size(); i++) {
            if ("count".equals(string(p, p.sampleTypes.get(i)[1]))) {
                countIndex = i;
                break;
            }
        }
        if (p.sampleTypes.isEmpty()) throw FileErrors.badInput(source + " is not a pprof profile: it declares no sample types.");
        Map<String, Integer> threads = new HashMap<>();
        Map<Long, int[]> framesOfLocation = new HashMap<>();
        int[] stack = new int[64];
        for (Sample sample : p.samples) {
            if (sample.values().length != p.sampleTypes.size()) {
                throw FileErrors.badInput(source + " is not a valid pprof profile: a sample has "
                    + sample.values().length + " values for " + p.sampleTypes.size() + " sample types.");
            }
            long count = countIndex >= 0 ? sample.values()[countIndex]
                : p.period > 0 ? sample.values()[sample.values().length - 1] / p.period : sample.values()[sample.values().length - 1];
            int depth = 0;
            for (long location : sample.locations()) {
                int[] frames = framesOfLocation.computeIfAbsent(location, id -> frames(importer, p, source, id));
                if (depth + frames.length > stack.length) stack = Arrays.copyOf(stack, (depth + frames.length) * 2);
                System.arraycopy(frames, 0, stack, depth, frames.length);
                depth += frames.length;
            }
            String threadName = sample.thread();
            long threadId = sample.threadId();
            int thread = threads.computeIfAbsent(threadName + "#" + threadId,
                k -> importer.thread(threadId >= 0 ? threadId : threads.size(), threadName));
            importer.add(thread, stack, depth, count, CollapsedReader.STEP_MICROS);
        }
        return importer.profile();
    }

    private static int[] frames(Importer importer, Parsed p, String source, long locationId) {
        List<Line> lines = p.locations.get(locationId);
        if (lines == null) throw FileErrors.badInput(source + " is not a valid pprof profile: a sample refers to missing location " + locationId + ".");
        int[] frames = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Function f = p.functions.get(line.functionId());
            if (f == null) throw FileErrors.badInput(source + " is not a valid pprof profile: a location refers to missing function " + line.functionId() + ".");
            frames[i] = importer.frame(f.file(), f.name(), (int) Math.clamp(line.line(), 0, Integer.MAX_VALUE),
                (int) Math.clamp(f.startLine(), 0, Integer.MAX_VALUE));
        }
        return frames;
    }

    private static long[] readValueType(CodedInputStream pb) throws IOException {
        int limit = pb.pushLimit(pb.readRawVarint32());
        long[] typeUnit = new long[2];
        for (int t; (t = pb.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(t)) {
                case VALUE_TYPE_TYPE -> typeUnit[0] = pb.readInt64();
                case VALUE_TYPE_UNIT -> typeUnit[1] = pb.readInt64();
                default -> pb.skipField(t);
            }
        }
        pb.popLimit(limit);
        return typeUnit;
    }

    private static long[] readLabel(CodedInputStream pb) throws IOException {
        int limit = pb.pushLimit(pb.readRawVarint32());
        long[] label = new long[3];
        for (int t; (t = pb.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(t)) {
                case LABEL_KEY -> label[0] = pb.readInt64();
                case LABEL_STR -> label[1] = pb.readInt64();
                case LABEL_NUM -> label[2] = pb.readInt64();
                default -> pb.skipField(t);
            }
        }
        pb.popLimit(limit);
        return label;
    }

    /** Repeated scalars come packed (one length-delimited run) or one value per tag: readers accept both. */
    private static void readRepeated(CodedInputStream pb, int tag, List<Long> into) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = pb.pushLimit(pb.readRawVarint32());
            while (pb.getBytesUntilLimit() > 0) into.add(pb.readRawVarint64());
            pb.popLimit(limit);
        } else {
            into.add(pb.readRawVarint64());
        }
    }

    private static String string(Parsed p, long index) {
        return index >= 0 && index < p.strings.size() ? p.strings.get((int) index) : "";
    }
}
