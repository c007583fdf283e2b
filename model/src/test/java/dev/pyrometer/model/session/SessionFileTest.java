package dev.pyrometer.model.session;

import static dev.pyrometer.model.ProfileAssertions.assertSameRecording;
import static dev.pyrometer.model.ProfileAssertions.samples;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.CancelledException;
import dev.pyrometer.model.LoadReport;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.ProfileAssertions;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.Selection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileTest {
    @TempDir Path dir;

    static byte[] bytesOf(Profile p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SessionWriter(p, out).finish();
        return out.toByteArray();
    }

    static Loaded load(byte[] bytes) throws IOException {
        Profile p = new Profile();
        LoadReport report = SessionReader.readInto(new ByteArrayInputStream(bytes), "test.pyro", bytes.length, p,
            Progress.NONE, Cancel.NEVER);
        return new Loaded(p, report);
    }

    @Test
    void aSavedSessionLoadsBackTheSame() throws IOException {
        Profile original = SessionFixtures.golden();
        Path file = dir.resolve("golden.pyro");
        SessionWriter.save(original, file);
        Loaded loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
        assertSameRecording(original, loaded.profile());
        assertEquals(ProfileAssertions.functionTree(original, Selection.ALL), ProfileAssertions.functionTree(loaded.profile(), Selection.ALL));
        assertTrue(loaded.report().complete());
        assertNull(loaded.report().warning());
        assertEquals(Files.size(file), loaded.report().bytesRead());
        assertEquals("Worker-1", loaded.profile().threads().name(1));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void largeRecordingsSpanManyChunks() throws IOException {
        Profile original = SessionFixtures.generated(200_000);
        Loaded loaded = load(bytesOf(original));
        assertSameRecording(original, loaded.profile());
        assertTrue(loaded.report().complete());
    }

    @Test
    void writingAsTheProfileGrowsAppendsOnlyWhatIsNew() throws IOException {
        Profile live = new Profile();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionWriter writer = new SessionWriter(live, out);
        int t = live.thread(7, null);
        int a = live.frame("a.py", "a", 1, 1);
        live.sample(1_000, t, new int[] {a}, 1, SampleState.RUNNING, 10, 0);
        assertEquals(1, writer.writeNew());
        assertEquals(0, writer.writeNew(), "nothing new, nothing written");
        long size = out.size();
        writer.writeNew();
        assertEquals(size, out.size());
        live.thread(7, "renamed");
        live.metadata("pid", "7");
        int b = live.frame("b.py", "b", 2, 2);
        live.sample(2_000, t, new int[] {b, a}, 2, SampleState.RUNNING, 10, 0);
        live.memory(2_000_000, 123);
        assertEquals(1, writer.writeNew());
        live.metadata("pid", "8");
        writer.finish();
        Loaded loaded = load(out.toByteArray());
        assertSameRecording(live, loaded.profile());
        assertEquals("renamed", loaded.profile().threads().name(0));
        assertEquals("8", loaded.profile().metadata("pid"));
        assertThrows(IllegalStateException.class, writer::writeNew);
    }

    @Test
    void aSessionWithoutEndMarkerLoadsWithAWarning() throws IOException {
        Profile original = SessionFixtures.golden();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SessionWriter(original, out).writeNew();
        Loaded loaded = load(out.toByteArray());
        assertSameRecording(original, loaded.profile());
        assertFalse(loaded.report().complete());
        assertNull(loaded.report().problem());
        assertTrue(loaded.report().warning().contains("recording was interrupted"), loaded.report().warning());
    }

    @Test
    void everyTruncationLoadsAPrefixOrSaysWhy() throws IOException {
        Profile original = SessionFixtures.golden();
        List<String> all = samples(original);
        byte[] bytes = bytesOf(original);
        long previous = 0;
        for (int length = 0; length <= bytes.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, length);
            if (length < SessionFormat.HEADER_BYTES) {
                PyrometerException e = assertThrows(PyrometerException.class, () -> load(cut));
                assertTrue(e.getMessage().startsWith("test.pyro "), e.getMessage());
                continue;
            }
            Loaded loaded = load(cut);
            List<String> got = samples(loaded.profile());
            assertEquals(all.subList(0, got.size()), got, "a prefix at length " + length);
            assertTrue(got.size() >= previous, "longer files never load less");
            previous = got.size();
            assertEquals(length == bytes.length, loaded.report().complete(), "length " + length);
            if (length < bytes.length) assertTrue(loaded.report().hasWarning());
        }
        assertEquals(all.size(), previous);
    }

    @Test
    void everyBitFlipLoadsAPrefixOrSaysWhy() throws IOException {
        Profile original = SessionFixtures.golden();
        List<String> all = samples(original);
        byte[] bytes = bytesOf(original);
        int damaged = 0;
        for (int at = 0; at < bytes.length; at++) {
            for (int bit = 0; bit < 8; bit += 3) {
                byte[] copy = bytes.clone();
                copy[at] ^= (byte) (1 << bit);
                try {
                    Loaded loaded = load(copy);
                    List<String> got = samples(loaded.profile());
                    assertEquals(all.subList(0, got.size()), got, "a prefix after flipping byte " + at);
                    if (loaded.report().problem() != null) {
                        damaged++;
                        assertTrue(loaded.report().problemOffset() <= at, "damage is found at or before byte " + at);
                        assertTrue(loaded.report().warning().contains("damaged at byte"));
                    }
                } catch (PyrometerException e) {
                    assertTrue(at < SessionFormat.HEADER_BYTES, "only a damaged header is an error: byte " + at);
                }
            }
        }
        assertTrue(damaged > bytes.length, "flips past the header are detected");
    }

    @Test
    void garbageEmptyAndForeignFilesAreRefusedInOneLine() throws IOException {
        Path empty = Files.write(dir.resolve("empty.pyro"), new byte[0]);
        assertEquals("empty.pyro is empty: it holds no session.",
            assertThrows(PyrometerException.class, () -> SessionReader.read(empty, Progress.NONE, Cancel.NEVER)).getMessage());
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        Path garbage = Files.write(dir.resolve("garbage.pyro"), noise);
        assertTrue(assertThrows(PyrometerException.class, () -> SessionReader.read(garbage, Progress.NONE, Cancel.NEVER))
            .getMessage().contains("is not a Pyrometer session"));
        Path text = Files.writeString(dir.resolve("stacks.pyro"), "main (a.py:1) 3\n");
        assertTrue(assertThrows(PyrometerException.class, () -> SessionReader.read(text, Progress.NONE, Cancel.NEVER))
            .getMessage().contains("is not a Pyrometer session"));
        Path missing = dir.resolve("missing.pyro");
        assertTrue(assertThrows(PyrometerException.class, () -> SessionReader.read(missing, Progress.NONE, Cancel.NEVER))
            .getMessage().endsWith("missing.pyro: it does not exist."));
    }

    @Test
    void aNewerMajorVersionIsRefusedAndANewerMinorLoads() throws IOException {
        byte[] bytes = bytesOf(SessionFixtures.golden());
        byte[] major = bytes.clone();
        major[9] = 2;
        major[11] = 0;
        PyrometerException e = assertThrows(PyrometerException.class, () -> load(major));
        assertEquals("test.pyro was written by a newer Pyrometer (session format 2.0; this version reads 1.x): update Pyrometer to open it.", e.getMessage());

        // A newer minor version may add chunk types: they are skipped.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, SessionFormat.HEADER_BYTES);
        out.write(chunk(99, new byte[] {1, 2, 3}));
        out.write(bytes, SessionFormat.HEADER_BYTES, bytes.length - SessionFormat.HEADER_BYTES);
        byte[] minor = out.toByteArray();
        minor[11] = 7;
        Loaded loaded = load(minor);
        assertTrue(loaded.report().complete());
        assertEquals(samples(SessionFixtures.golden()), samples(loaded.profile()));
    }

    @Test
    void chunksThatPassTheirChecksumButMakeNoSenseStopTheLoad() throws IOException {
        byte[] bytes = bytesOf(SessionFixtures.golden());
        byte[] prefix = cutBeforeEnd(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(prefix);
        // One sample on thread 99, which no THREADS chunk declared.
        out.write(chunk(SessionFormat.SAMPLES, new byte[] {1, 0, 0, 99, 0, 1, 0, 0}));
        Loaded loaded = load(out.toByteArray());
        assertEquals(prefix.length, loaded.report().problemOffset());
        assertTrue(loaded.report().problem().contains("does not make sense"), loaded.report().problem());
        assertEquals(samples(SessionFixtures.golden()), samples(loaded.profile()));

        out.reset();
        out.write(prefix);
        out.write(new byte[] {(byte) 0x7F, 0, 0, 0, SessionFormat.SAMPLES});
        Loaded huge = load(out.toByteArray());
        assertTrue(huge.report().problem().contains("impossible chunk length"), huge.report().problem());
    }

    @Test
    void progressIsReportedAndLoadsCanBeCancelled() throws IOException {
        byte[] bytes = bytesOf(SessionFixtures.generated(200_000));
        List<Long> seen = new ArrayList<>();
        SessionReader.readInto(new ByteArrayInputStream(bytes), "x", bytes.length, new Profile(), (done, total) -> {
            assertEquals(bytes.length, total);
            seen.add(done);
        }, Cancel.NEVER);
        assertTrue(seen.size() > 3);
        assertEquals((long) bytes.length, seen.getLast());
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1));

        Cancel.Token token = new Cancel.Token();
        assertThrows(CancelledException.class, () -> SessionReader.readInto(new ByteArrayInputStream(bytes), "x",
            bytes.length, new Profile(), (done, total) -> {
                if (done > bytes.length / 2) token.cancel();
            }, token));
    }

    /** The session bytes up to (not including) the end marker chunk. */
    static byte[] cutBeforeEnd(byte[] bytes) {
        int offset = SessionFormat.HEADER_BYTES;
        while (true) {
            int length = (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8 | bytes[offset + 3] & 0xFF;
            if (bytes[offset + 4] == SessionFormat.END) return java.util.Arrays.copyOf(bytes, offset);
            offset += SessionFormat.CHUNK_OVERHEAD + length;
        }
    }

    /** A well-formed chunk of any content. */
    static byte[] chunk(int type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = {(byte) (payload.length >>> 24), (byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length, (byte) type};
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(head);
        crc.update(payload);
        int sum = (int) crc.getValue();
        out.writeBytes(head);
        out.writeBytes(payload);
        out.writeBytes(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
        return out.toByteArray();
    }

    @Test
    void theChunkHelperMatchesTheWriter() throws IOException {
        Profile p = new Profile();
        p.metadata("k", "v");
        byte[] bytes = bytesOf(p);
        byte[] metadata = java.util.Arrays.copyOfRange(bytes, SessionFormat.HEADER_BYTES, SessionFormat.HEADER_BYTES + 9 + 5);
        assertArrayEquals(chunk(SessionFormat.METADATA, new byte[] {1, 1, 'k', 1, 'v'}), metadata);
    }
}
