package dev.pyrometer.model.interchange;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.AtomicFiles;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.CancelledException;
import dev.pyrometer.model.LoadReport;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.session.SessionFormat;
import dev.pyrometer.model.session.SessionReader;
import dev.pyrometer.model.session.SessionWriter;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One door for every profile file: {@link #read} recognises the format by its first bytes (or, failing that, its
 * extension) and {@link #write} writes any format atomically. Problems with the file come out as one-line
 * {@link PyrometerException}s.
 */
public final class ProfileFiles {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ProfileFiles() {}

    public static Loaded read(Path path) {
        return read(path, Progress.NONE, Cancel.NEVER);
    }

    /** Loads any readable format, reporting progress in bytes; cancellable (throws {@link CancelledException}). */
    public static Loaded read(Path path, Progress progress, BooleanSupplier cancelled) {
        Format format = detect(path);
        String source = path.getFileName().toString();
        if (format == Format.SESSION) return SessionReader.read(path, progress, cancelled);
        try (InputStream in = new Counting(Files.newInputStream(path), Files.size(path), progress, cancelled)) {
            Profile profile = switch (format) {
                case COLLAPSED -> CollapsedReader.read(text(in), source, cancelled);
                case SPEEDSCOPE -> SpeedscopeReader.read(text(in), source, cancelled);
                case PPROF -> PprofReader.read(in, source, cancelled);
                default -> throw FileErrors.badInput(source + " is a " + format.cliName() + " file, which Pyrometer writes but cannot read.");
            };
            int n = profile.samples().size();
            return new Loaded(profile, LoadReport.clean(source, Files.size(path), n, profile.samples().spanSeconds(n)));
        } catch (IOException e) {
            throw FileErrors.unreadable("cannot read " + path + ": " + FileErrors.reason(e, path) + ".", e);
        } catch (PyrometerException | CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser tripping over input it did not expect: still the input's fault, say so in one line.
            throw FileErrors.badInput(source + " could not be read as " + format.cliName() + ": " + e.toString().lines().findFirst().orElse("") + ".", e);
        }
    }

    /** The format of an existing file: by its first bytes, else by its extension. */
    public static Format detect(Path path) {
        if (Files.isDirectory(path)) throw FileErrors.unreadable(path + " is a directory, not a profile.", null);
        if (!Files.exists(path)) throw FileErrors.unreadable(path + " does not exist.", null);
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(64);
        } catch (IOException e) {
            throw FileErrors.unreadable("cannot read " + path + ": " + FileErrors.reason(e, path) + ".", e);
        }
        String name = path.getFileName().toString();
        if (head.length == 0) throw FileErrors.badInput(name + " is empty.");
        if (SessionFormat.looksLikeSession(head, head.length)) return Format.SESSION;
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) return Format.PPROF;
        int first = startsWithByteOrderMark(head) ? UTF8_BOM.length : 0;
        while (first < head.length && Character.isWhitespace(head[first])) first++;
        if (first < head.length && head[first] == '{') return Format.SPEEDSCOPE;
        if (looksLikeMarkup(head, first)) {
            throw FileErrors.badInput(name + " is an SVG, HTML or XML file: Pyrometer writes flame graph pictures and pages but cannot read them.");
        }
        Format byName = Format.ofPath(path);
        if (byName != null && byName.isReadable()) return byName;
        for (byte b : head) {
            if (b == 0) throw FileErrors.badInput(name + " is not a profile Pyrometer knows (session, collapsed stacks, speedscope or pprof).");
        }
        return Format.COLLAPSED;
    }

    /**
     * Whether the text at {@code at} opens an SVG or XML document: {@code <?xml}, {@code <svg}, {@code <!DOCTYPE},
     * {@code <!--}. Not any '<': py-spy's stacks of a script start with its {@code <module>} frame.
     */
    private static boolean looksLikeMarkup(byte[] head, int at) {
        String start = new String(head, at, head.length - at, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return start.startsWith("<?xml") || start.startsWith("<svg") || start.startsWith("<!");
    }

    /** Writes the default export (py-spy's: idle threads left out) atomically; returns the samples written. */
    public static long write(Profile profile, Path path, Format format) {
        return write(profile, path, format, ExportOptions.DEFAULT);
    }

    /** Writes atomically (a temporary file renamed into place); returns the samples written. */
    public static long write(Profile profile, Path path, Format format, ExportOptions options) {
        long[] written = {0};
        AtomicFiles.write(path, out -> written[0] = write(profile, out, format, options, path.getFileName().toString()));
        return written[0];
    }

    /** Writes to a stream (standard output, say); the stream is flushed, not closed. */
    public static long write(Profile profile, OutputStream out, Format format, ExportOptions options, String name) throws IOException {
        return switch (format) {
            case SESSION -> {
                SessionWriter writer = new SessionWriter(profile, out);
                writer.finish();
                yield writer.samplesWritten();
            }
            case COLLAPSED -> CollapsedWriter.write(profile, options.selection(), options.threads(), text(out));
            case SPEEDSCOPE -> SpeedscopeWriter.write(profile, options.selection(), name, text(out));
            case PPROF -> PprofWriter.write(profile, options.selection(), out);
            case SVG -> SvgFlameGraphWriter.write(profile, options.selection(), options.keyBy(), options.roots(), name, text(out));
            case HTML -> HtmlFlameGraphWriter.write(profile, options.selection(), options.keyBy(), options.roots(), name, text(out));
        };
    }

    /** UTF-8 text without the byte order mark Windows tools put first: it belongs to no frame or JSON value. */
    private static Reader text(InputStream in) throws IOException {
        in.mark(UTF8_BOM.length);
        if (!startsWithByteOrderMark(in.readNBytes(UTF8_BOM.length))) in.reset();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static boolean startsWithByteOrderMark(byte[] head) {
        return Arrays.equals(head, 0, Math.min(head.length, UTF8_BOM.length), UTF8_BOM, 0, UTF8_BOM.length);
    }

    private static Writer text(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Reports bytes read and stops when cancelled. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private final Progress progress;
        private final BooleanSupplier cancelled;
        private long done;
        private long reported;

        Counting(InputStream in, long total, Progress progress, BooleanSupplier cancelled) {
            super(new java.io.BufferedInputStream(in, 1 << 16));
            this.total = total;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) advance(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) advance(n);
            return n;
        }

        private void advance(int n) {
            done += n;
            if (done - reported >= 1 << 16 || done == total) {
                Cancel.check(cancelled);
                progress.update(done, total);
                reported = done;
            }
        }
    }
}
