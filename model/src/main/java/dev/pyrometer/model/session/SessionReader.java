package dev.pyrometer.model.session;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.LoadReport;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.PyrometerException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;

/**
 * Reads session files and streams into a {@link Profile}, chunk by chunk. Reading stops at the first chunk that is
 * cut short, fails its checksum or does not make sense, and the {@link LoadReport} says where; everything before it
 * stays loaded. Only a wrong header (not a session, a newer major version) is an error.
 */
public final class SessionReader {
    private final String source;
    private final Profile target;
    private final ChunkDecoder decoder;
    private final CRC32 crc = new CRC32();
    private byte[] payload = new byte[1 << 16];

    private SessionReader(String source, Profile target) {
        this.source = source;
        this.target = target;
        this.decoder = new ChunkDecoder(target);
    }

    /** Loads a session file. Throws {@link PyrometerException} when it is not a session this version can read. */
    public static Loaded read(Path file, Progress progress, BooleanSupplier cancelled) {
        Profile profile = new Profile();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            LoadReport report = readInto(in, file.getFileName().toString(), Files.size(file), profile, progress, cancelled);
            return new Loaded(profile, report);
        } catch (IOException e) {
            throw FileErrors.unreadable("cannot read " + file + ": " + FileErrors.reason(e, file) + ".", e);
        }
    }

    /**
     * Reads a session stream (a file, or a pipe from a recording sampler that is still running) into a profile
     * until the stream ends, its end marker arrives, or a bad chunk. Blocks on the stream.
     *
     * @param totalBytes the stream's length when known, for progress and to spot impossible lengths early; else -1
     */
    public static LoadReport readInto(InputStream in, String source, long totalBytes, Profile target, Progress progress,
                                      BooleanSupplier cancelled) throws IOException {
        SessionReader reader = new SessionReader(source, target);
        reader.readHeader(in);
        return reader.readChunks(in, totalBytes, progress, cancelled);
    }

    private void readHeader(InputStream in) throws IOException {
        byte[] header = in.readNBytes(SessionFormat.HEADER_BYTES);
        if (header.length == 0) throw FileErrors.badInput(source + " is empty: it holds no session.");
        int known = Math.min(header.length, SessionFormat.MAGIC.length);
        if (!Arrays.equals(header, 0, known, SessionFormat.MAGIC, 0, known)) {
            throw FileErrors.badInput(source + " is not a Pyrometer session (it does not start with the session header).");
        }
        if (header.length < SessionFormat.HEADER_BYTES) {
            throw FileErrors.badInput(source + " ends inside its header: the recording stopped before writing anything.");
        }
        int major = (header[8] & 0xFF) << 8 | header[9] & 0xFF;
        int minor = (header[10] & 0xFF) << 8 | header[11] & 0xFF;
        if (major > SessionFormat.MAJOR) {
            throw new PyrometerException(String.format(
                "%s was written by a newer Pyrometer (session format %d.%d; this version reads %d.x): update Pyrometer to open it.",
                source, major, minor, SessionFormat.MAJOR), FileErrors.NEWER_VERSION, null);
        }
        if (major < 1) throw FileErrors.badInput(source + " has an invalid session format version " + major + "." + minor + ".");
    }

    private LoadReport readChunks(InputStream in, long totalBytes, Progress progress, BooleanSupplier cancelled) throws IOException {
        long offset = SessionFormat.HEADER_BYTES;
        byte[] head = new byte[5];
        byte[] sum = new byte[4];
        while (true) {
            Cancel.check(cancelled);
            progress.update(offset, totalBytes);
            int got = in.readNBytes(head, 0, 5);
            if (got == 0) return report(false, null, -1, offset);
            if (got < 5) return report(false, "the file ends inside a chunk", offset, offset + got);
            long length = (head[0] & 0xFFL) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
            int type = head[4] & 0xFF;
            if (length > SessionFormat.MAX_PAYLOAD) return report(false, "impossible chunk length " + length, offset, offset);
            if (totalBytes >= 0 && offset + SessionFormat.CHUNK_OVERHEAD + length > totalBytes) {
                return report(false, "the file ends inside a chunk", offset, totalBytes);
            }
            if (length > payload.length) payload = new byte[(int) Math.max(length, payload.length * 2L)];
            int n = in.readNBytes(payload, 0, (int) length);
            if (n < length || in.readNBytes(sum, 0, 4) < 4) {
                return report(false, "the file ends inside a chunk", offset, offset + 5 + n);
            }
            crc.reset();
            crc.update(head, 0, 5);
            crc.update(payload, 0, (int) length);
            int expected = (sum[0] & 0xFF) << 24 | (sum[1] & 0xFF) << 16 | (sum[2] & 0xFF) << 8 | sum[3] & 0xFF;
            if ((int) crc.getValue() != expected) return report(false, "bad checksum", offset, offset);
            try {
                decoder.apply(type, payload, (int) length);
            } catch (PayloadReader.DamagedChunk e) {
                return report(false, "chunk of type " + type + " does not make sense: " + e.getMessage(), offset, offset);
            }
            offset += SessionFormat.CHUNK_OVERHEAD + length;
            if (type == SessionFormat.END) {
                progress.update(offset, totalBytes);
                return report(true, null, -1, offset);
            }
        }
    }

    private LoadReport report(boolean complete, String problem, long problemOffset, long bytesRead) {
        int n = target.samples().size();
        return new LoadReport(source, complete, problem, problemOffset, bytesRead, n, target.samples().spanSeconds(n));
    }
}
