package dev.pyrometer.model.interchange;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads collapsed stacks: py-spy's raw output (with or without {@code --threads}, with or without line numbers) and
 * flamegraph.pl's folded files. A line is {@code frame;frame;… count}, root first. Frames written as
 * {@code function (file:line)} or {@code function (file)} keep their parts; any other text becomes a function
 * name with no file. A leading {@code thread (TID)} or {@code thread (TID): name} frame names the thread; each
 * spelling is a thread of its own, so that writing the profile again gives back the same stacks. Leading
 * {@code process PID:"COMMAND"} frames (py-spy's {@code --subprocesses}, the root process first) become processes,
 * each under the one before it, with the stack's thread in the last. Collapsed
 * files hold no times: samples are placed 10 ms apart (py-spy's default rate) in file order.
 */
public final class CollapsedReader {
    static final long STEP_MICROS = 10_000;
    /**
     * Metadata: how many lines held bytes that are not UTF-8 (read as U+FFFD, so their frames' names are not what the
     * tool wrote); absent when every line was UTF-8.
     */
    public static final String NON_UTF8_LINES = "source.non-utf8-lines";
    private static final Pattern FRAME = Pattern.compile("(.*) \\((.*?)(?::(\\d+))?\\)");
    /** py-spy's {@code --subprocesses} root frames: {@code process PID:"COMMAND LINE"}, the target's first. */
    private static final Pattern PROCESS = Pattern.compile("process (\\d{1,9}):\"(.*)\"");
    private static final Pattern THREAD = Pattern.compile("thread \\((0[xX][0-9a-fA-F]+|\\d+)\\)(?::? (.*))?");

    private CollapsedReader() {}

    public static Profile read(Reader reader, String source, BooleanSupplier cancelled) throws IOException {
        Importer importer = new Importer(source, "collapsed", cancelled);
        Map<String, Integer> frameIds = new HashMap<>();
        Map<String, Integer> threadIds = new HashMap<>();
        Map<String, Integer> processIds = new HashMap<>();
        Map<Integer, Integer> defaultThreads = new HashMap<>();
        int defaultThread = -1;
        int[] frames = new int[64];
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        int lineNumber = 0;
        int stacks = 0;
        int nonUtf8 = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNumber++;
            if (line.indexOf('\uFFFD') >= 0) nonUtf8++; // the UTF-8 decoder's replacement for a byte it could not read
            if (line.isBlank() || line.startsWith("#")) continue;
            String text = line.strip();
            int space = line.stripTrailing().lastIndexOf(' ');
            String stack = space < 0 ? "" : line.substring(0, space);
            long count = parseCount(space < 0 ? text : line.substring(space + 1).strip());
            if (count < 0) throw notCollapsed(source, lineNumber, line);
            String[] parts = stack.isEmpty() ? new String[0] : stack.split(";", -1);
            int first = 0;
            int process = -1;
            String chain = "";
            while (first < parts.length && PROCESS.matcher(parts[first]).matches()) {
                chain = chain + parts[first] + ';';
                int parent = process;
                String part = parts[first];
                process = processIds.computeIfAbsent(chain, c -> processOf(importer, part, parent));
                first++;
            }
            int thread;
            if (parts.length > first && isThreadFrame(parts[first])) {
                int owner = process;
                String threadText = parts[first];
                thread = threadIds.computeIfAbsent(chain + threadText, t -> threadOf(importer, owner, threadText));
                first++;
            } else if (process >= 0) {
                int owner = process;
                thread = defaultThreads.computeIfAbsent(process, p -> importer.profile().addThread(owner, 0, null));
            } else {
                if (defaultThread < 0) defaultThread = importer.distinctThread(0, null);
                thread = defaultThread;
            }
            int depth = parts.length - first;
            if (depth > frames.length) frames = new int[Math.max(depth, frames.length * 2)];
            for (int i = first; i < parts.length; i++) {
                frames[parts.length - 1 - i] = frameIds.computeIfAbsent(parts[i], f -> frameOf(importer, f));
            }
            importer.add(thread, frames, depth, count, STEP_MICROS);
            stacks++;
        }
        if (lineNumber == 0) throw FileErrors.badInput(source + " is empty.");
        if (stacks == 0) throw FileErrors.badInput(source + " holds no stacks, only blank lines and comments.");
        if (nonUtf8 > 0) importer.profile().metadata(NON_UTF8_LINES, Integer.toString(nonUtf8));
        return importer.profile();
    }

    /**
     * True for the pseudo-frame py-spy's {@code --threads} puts first. A function named {@code thread} looks alike
     * ({@code thread (pool.py:12)}): a frame with a line number is code, not a thread.
     */
    private static boolean isThreadFrame(String text) {
        if (!text.startsWith("thread (")) return false;
        if (THREAD.matcher(text).matches()) return true;
        Matcher frame = FRAME.matcher(text);
        return !(frame.matches() && frame.group(3) != null);
    }

    private static long parseCount(String text) {
        if (text.isEmpty() || text.length() > 18) return -1;
        long value = 0;
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        if (whole.isEmpty()) return -1;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        if (dot >= 0) {
            for (int i = dot + 1; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return -1;
            if (dot + 1 < text.length() && text.charAt(dot + 1) >= '5') value++;
        }
        return value;
    }

    private static final Pattern NATIVE_FILE = Pattern.compile("[^/]*\\.so(\\.[0-9]+)*|python[0-9.]*");

    private static int frameOf(Importer importer, String text) {
        Matcher m = FRAME.matcher(text);
        if (m.matches()) {
            int line = m.group(3) == null ? 0 : parseLine(m.group(3));
            // py-spy --native writes a C function as `name (library)`: no line, a shared library or the interpreter.
            if (m.group(3) == null && NATIVE_FILE.matcher(m.group(2)).matches()) {
                return importer.nativeFrame(m.group(2), m.group(1));
            }
            return importer.frame(m.group(2), m.group(1), line, 0);
        }
        return importer.frame("", text, 0, 0);
    }

    private static int parseLine(String digits) {
        return digits.length() > 9 ? 0 : Integer.parseInt(digits);
    }

    /** A process of py-spy's {@code --subprocesses} output, under its parent's (the frame before it), -1 for none. */
    private static int processOf(Importer importer, String text, int parent) {
        Matcher m = PROCESS.matcher(text);
        if (!m.matches()) throw new IllegalStateException(text);
        int pid = Integer.parseInt(m.group(1));
        int parentPid = parent < 0 ? 0 : importer.profile().processes().get(parent).pid();
        return importer.profile().process(new dev.pyrometer.model.ProcessInfo(pid, parentPid, parent, m.group(2), "",
            0, dev.pyrometer.model.ProcessInfo.RUNNING));
    }

    private static int threadOf(Importer importer, int process, String text) {
        Matcher m = THREAD.matcher(text);
        if (process < 0 || !m.matches()) return threadOf(importer, text);
        String id = m.group(1);
        long tid;
        try {
            tid = id.startsWith("0x") || id.startsWith("0X") ? Long.parseUnsignedLong(id.substring(2), 16) : Long.parseLong(id);
        } catch (NumberFormatException tooLong) {
            tid = id.hashCode() & 0x7FFFFFFFL;
        }
        String name = m.group(2);
        return importer.profile().addThread(process, tid, name == null || name.isBlank() ? null : name.strip());
    }

    private static int threadOf(Importer importer, String text) {
        Matcher m = THREAD.matcher(text);
        if (!m.matches()) return importer.distinctThread(text.hashCode() & 0x7FFFFFFFL, text);
        String id = m.group(1);
        long tid;
        try {
            tid = id.startsWith("0x") || id.startsWith("0X") ? Long.parseUnsignedLong(id.substring(2), 16) : Long.parseLong(id);
        } catch (NumberFormatException tooLong) {
            tid = id.hashCode() & 0x7FFFFFFFL;
        }
        String name = m.group(2);
        // Each spelling its own thread: written back, every stack keeps the thread frame it was read with.
        return importer.distinctThread(tid, name == null || name.isBlank() ? null : name.strip());
    }

    private static PyrometerException notCollapsed(String source, int lineNumber, String line) {
        String shown = line.length() > 60 ? line.substring(0, 60) + "…" : line;
        return FileErrors.badInput(String.format(
            "%s line %d is not a collapsed stack (expected `frame;frame;… count`): \"%s\".", source, lineNumber, shown));
    }
}
