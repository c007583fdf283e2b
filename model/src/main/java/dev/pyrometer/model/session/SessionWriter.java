package dev.pyrometer.model.session;

import dev.pyrometer.model.AtomicFiles;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.MemoryTrack;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.ProcessTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.model.StringTable;
import dev.pyrometer.model.ThreadTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Streams a profile as session chunks: each {@link #writeNew} call appends whatever the profile gained since the
 * previous call, so a recording can be written as it grows (see {@link SessionRecorder}) and a finished profile in
 * one go. Reads the profile like any view does (sizes first), so it may run beside the sampler's writer thread.
 * Not thread-safe itself: one thread writes.
 */
public final class SessionWriter {
    private static final int ENTRIES_PER_CHUNK = 16_384;
    private static final int SAMPLES_PER_CHUNK = 65_536;
    private static final int STRING_BYTES_PER_CHUNK = 1 << 20;

    private final Profile profile;
    private final OutputStream out;
    private final PayloadWriter payload = new PayloadWriter();
    /** Entries whose count is only known once they are all written; copied behind the count. */
    private final PayloadWriter entries = new PayloadWriter();
    private final byte[] frameHeader = new byte[5];
    private final byte[] crcBytes = new byte[4];
    private final CRC32 crc = new CRC32();

    private int strings;
    private int frames;
    private int kindsScanned;
    private int stacks;
    private int samples;
    private int memory;
    private int threadsWritten;
    private String[] threadNames = new String[0];
    private final java.util.List<ProcessInfo> processesWritten = new java.util.ArrayList<>();
    /** Per thread, the process written for it (-1: none yet). */
    private int[] threadProcesses = new int[0];
    private final Map<String, String> metadata = new HashMap<>();
    private long bytes;
    private boolean finished;

    /** Writes the header at once. The stream is not closed by this class. */
    public SessionWriter(Profile profile, OutputStream out) throws IOException {
        this.profile = profile;
        this.out = out;
        byte[] header = new byte[SessionFormat.HEADER_BYTES];
        System.arraycopy(SessionFormat.MAGIC, 0, header, 0, SessionFormat.MAGIC.length);
        header[8] = (byte) (SessionFormat.MAJOR >>> 8);
        header[9] = (byte) SessionFormat.MAJOR;
        header[10] = (byte) (SessionFormat.MINOR >>> 8);
        header[11] = (byte) SessionFormat.MINOR;
        out.write(header);
        bytes = header.length;
    }

    /** Appends chunks for everything added to the profile since the last call; returns the samples written. */
    public int writeNew() throws IOException {
        if (finished) throw new IllegalStateException("session already finished");
        // Sizes in the reverse of the order a writer appends: everything a sample needs is below these sizes.
        int sampleCount = profile.samples().size();
        int memoryCount = profile.memory().size();
        int stackCount = profile.stacks().size();
        int threadCount = profile.threads().size();
        int processCount = profile.processes().size();
        int frameCount = profile.frames().size();
        int stringCount = profile.strings().size();
        writeStrings(stringCount);
        writeFrames(frameCount);
        writeFrameKinds(frameCount);
        writeStacks(stackCount);
        writeThreads(threadCount);
        writeProcesses(processCount, threadCount);
        int before = samples;
        writeSamples(sampleCount);
        writeMemory(memoryCount);
        writeMetadata();
        return samples - before;
    }

    /** Writes what is new and the end marker that tells readers the recording finished cleanly. */
    public void finish() throws IOException {
        writeNew();
        payload.reset();
        payload.varint(samples);
        chunk(SessionFormat.END);
        finished = true;
        out.flush();
    }

    /** Saves a whole profile as a finished session, atomically (a temporary file renamed into place). */
    public static void save(Profile profile, Path file) {
        AtomicFiles.write(file, out -> new SessionWriter(profile, out).finish());
    }

    /** Bytes written so far, header included. */
    public long bytesWritten() { return bytes; }
    public int samplesWritten() { return samples; }

    private void writeStrings(int count) throws IOException {
        StringTable table = profile.strings();
        while (strings < count) {
            payload.reset();
            payload.varint(strings);
            int n = 0;
            entries.reset();
            while (strings + n < count && n < ENTRIES_PER_CHUNK && entries.size() < STRING_BYTES_PER_CHUNK) {
                entries.string(table.get(strings + n));
                n++;
            }
            payload.varint(n);
            payload.append(entries);
            chunk(SessionFormat.STRINGS);
            strings += n;
        }
    }

    private void writeFrames(int count) throws IOException {
        FrameTable table = profile.frames();
        while (frames < count) {
            int n = Math.min(ENTRIES_PER_CHUNK, count - frames);
            payload.reset();
            payload.varint(frames);
            payload.varint(n);
            for (int f = frames; f < frames + n; f++) {
                payload.varint(table.file(f));
                payload.varint(table.function(f));
                payload.signed(table.line(f));
                payload.signed(table.firstLine(f));
            }
            chunk(SessionFormat.FRAMES);
            frames += n;
        }
    }

    /** FRAME_KINDS: the native frames among those just written (none for a Python-only recording: no chunk). */
    private void writeFrameKinds(int count) throws IOException {
        FrameTable table = profile.frames();
        while (kindsScanned < count) {
            entries.reset();
            int n = 0;
            for (; kindsScanned < count && n < ENTRIES_PER_CHUNK; kindsScanned++) {
                byte kind = table.kind(kindsScanned);
                if (kind == FrameTable.PYTHON) continue;
                entries.varint(kindsScanned);
                entries.u8(kind);
                n++;
            }
            if (n == 0) continue;
            payload.reset();
            payload.varint(n);
            payload.append(entries);
            chunk(SessionFormat.FRAME_KINDS);
        }
    }

    private void writeStacks(int count) throws IOException {
        StackTable table = profile.stacks();
        while (stacks < count) {
            int n = Math.min(ENTRIES_PER_CHUNK, count - stacks);
            payload.reset();
            payload.varint(stacks);
            payload.varint(n);
            for (int s = stacks; s < stacks + n; s++) {
                // Parents are usually just before their children: the distance is a one-byte number.
                payload.varint((long) s - table.parent(s));
                payload.varint(table.frame(s));
            }
            chunk(SessionFormat.STACKS);
            stacks += n;
        }
    }

    private void writeThreads(int count) throws IOException {
        ThreadTable table = profile.threads();
        if (count > threadNames.length) threadNames = Arrays.copyOf(threadNames, count);
        entries.reset();
        int changed = 0;
        for (int t = 0; t < count; t++) {
            String name = table.name(t);
            if (t < threadsWritten && Objects.equals(name, threadNames[t])) continue;
            entries.varint(t);
            entries.signed(table.osThreadId(t));
            entries.u8(name == null ? 0 : 1);
            if (name != null) entries.string(name);
            threadNames[t] = name;
            changed++;
        }
        threadsWritten = Math.max(threadsWritten, count);
        if (changed == 0) return;
        payload.reset();
        payload.varint(changed);
        payload.append(entries);
        chunk(SessionFormat.THREADS);
    }

    /**
     * New and changed processes, then the threads newly filed under one. Nothing for a recording of one process, so
     * such a recording writes exactly what format 1.0 wrote.
     */
    private void writeProcesses(int processCount, int threadCount) throws IOException {
        if (processCount == 0) return;
        ProcessTable table = profile.processes();
        entries.reset();
        int changed = 0;
        for (int p = 0; p < processCount; p++) {
            ProcessInfo info = table.get(p);
            if (p < processesWritten.size() && info.equals(processesWritten.get(p))) continue;
            entries.varint(p);
            entries.signed(info.pid());
            entries.signed(info.parentPid());
            entries.signed(info.parent());
            entries.string(info.commandLine());
            entries.string(info.pythonVersion());
            entries.signed(info.startMicros());
            entries.signed(info.endMicros());
            if (p < processesWritten.size()) processesWritten.set(p, info);
            else processesWritten.add(info);
            changed++;
        }
        PayloadWriter members = new PayloadWriter();
        int assigned = 0;
        int known = threadProcesses.length;
        if (threadCount > known) {
            threadProcesses = Arrays.copyOf(threadProcesses, threadCount);
            Arrays.fill(threadProcesses, known, threadCount, -1);
        }
        for (int t = 0; t < threadCount; t++) {
            int process = profile.threads().process(t);
            if (process < 0 || process >= processCount || process == threadProcesses[t]) continue;
            members.varint(t);
            members.varint(process);
            threadProcesses[t] = process;
            assigned++;
        }
        if (changed == 0 && assigned == 0) return;
        payload.reset();
        payload.varint(changed);
        payload.append(entries);
        payload.varint(assigned);
        payload.append(members);
        chunk(SessionFormat.PROCESSES);
    }

    private void writeSamples(int count) throws IOException {
        SampleTable table = profile.samples();
        while (samples < count) {
            int n = Math.min(SAMPLES_PER_CHUNK, count - samples);
            payload.reset();
            payload.varint(n);
            long previous = table.timeMicros(samples);
            payload.signed(previous);
            for (int i = samples; i < samples + n; i++) {
                long time = table.timeMicros(i);
                payload.signed(time - previous);
                previous = time;
                payload.varint(table.thread(i));
                payload.varint(table.stack(i) + 1L);
                payload.u8(table.state(i));
                payload.varint(table.userMicros(i) / SampleTable.CPU_UNIT_MICROS);
                payload.varint(table.systemMicros(i) / SampleTable.CPU_UNIT_MICROS);
            }
            chunk(SessionFormat.SAMPLES);
            samples += n;
        }
    }

    private void writeMemory(int count) throws IOException {
        MemoryTrack track = profile.memory();
        while (memory < count) {
            int n = Math.min(SAMPLES_PER_CHUNK, count - memory);
            payload.reset();
            payload.varint(n);
            long previous = track.timeMicros(memory);
            payload.signed(previous);
            for (int i = memory; i < memory + n; i++) {
                payload.signed(track.timeMicros(i) - previous);
                previous = track.timeMicros(i);
                payload.signed(track.residentBytes(i));
            }
            chunk(SessionFormat.MEMORY);
            memory += n;
        }
    }

    private void writeMetadata() throws IOException {
        entries.reset();
        int changed = 0;
        for (Map.Entry<String, String> e : profile.metadata().entrySet()) {
            if (e.getValue() == null || e.getValue().equals(metadata.get(e.getKey()))) continue;
            entries.string(e.getKey());
            entries.string(e.getValue());
            metadata.put(e.getKey(), e.getValue());
            changed++;
        }
        if (changed == 0) return;
        payload.reset();
        payload.varint(changed);
        payload.append(entries);
        chunk(SessionFormat.METADATA);
    }

    /** Frames the payload: length, type, payload, CRC32 of all three. */
    private void chunk(int type) throws IOException {
        int length = payload.size();
        if (length > SessionFormat.MAX_PAYLOAD) throw new IllegalStateException("chunk of " + length + " bytes");
        frameHeader[0] = (byte) (length >>> 24);
        frameHeader[1] = (byte) (length >>> 16);
        frameHeader[2] = (byte) (length >>> 8);
        frameHeader[3] = (byte) length;
        frameHeader[4] = (byte) type;
        crc.reset();
        crc.update(frameHeader, 0, 5);
        crc.update(payload.buffer(), 0, length);
        int sum = (int) crc.getValue();
        crcBytes[0] = (byte) (sum >>> 24);
        crcBytes[1] = (byte) (sum >>> 16);
        crcBytes[2] = (byte) (sum >>> 8);
        crcBytes[3] = (byte) sum;
        out.write(frameHeader);
        out.write(payload.buffer(), 0, length);
        out.write(crcBytes);
        bytes += length + SessionFormat.CHUNK_OVERHEAD;
    }
}
