package dev.pyrometer.model.session;

import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import java.util.Arrays;

/**
 * Applies chunk payloads to a profile. Each chunk is decoded and checked in full before any of it is applied, so a
 * chunk that passes its checksum but makes no sense (ids out of range, out of order) leaves the profile as it was.
 * File ids map to the profile's own ids, so a file with duplicate strings or frames still loads.
 */
final class ChunkDecoder {
    private final Profile target;
    private final PayloadReader in = new PayloadReader();

    private int[] stringMap = new int[1024];
    private int strings;
    private int[] frameMap = new int[1024];
    private int frames;
    private int[] stackMap = new int[4096];
    private int stacks;
    private int[] threadMap = new int[16];
    private int threads;
    private int[] processMap = new int[16];
    private int processes;
    private long samples;

    // Scratch columns for one block of samples, reused.
    private long[] time = new long[0];
    private int[] thread = new int[0];
    private int[] stack = new int[0];
    private int[] state = new int[0];
    private int[] user = new int[0];
    private int[] system = new int[0];

    ChunkDecoder(Profile target) {
        this.target = target;
    }

    void apply(int type, byte[] payload, int length) throws PayloadReader.DamagedChunk {
        in.reset(payload, length);
        switch (type) {
            case SessionFormat.STRINGS -> strings();
            case SessionFormat.FRAMES -> frames();
            case SessionFormat.STACKS -> stacks();
            case SessionFormat.THREADS -> threads();
            case SessionFormat.SAMPLES -> samples();
            case SessionFormat.MEMORY -> memory();
            case SessionFormat.METADATA -> metadata();
            case SessionFormat.END -> end();
            case SessionFormat.FRAME_KINDS -> frameKinds();
            case SessionFormat.PROCESSES -> processes();
            default -> { } // a chunk type from a newer minor version: skipped
        }
    }

    private void strings() throws PayloadReader.DamagedChunk {
        expectFirst(strings, "strings");
        int n = in.count(1);
        String[] values = new String[n];
        for (int i = 0; i < n; i++) values[i] = in.string();
        done();
        stringMap = ensure(stringMap, strings + n);
        for (String value : values) stringMap[strings++] = target.strings().intern(value);
    }

    private void frames() throws PayloadReader.DamagedChunk {
        expectFirst(frames, "frames");
        int n = in.count(4);
        int[] entries = new int[n * 4];
        for (int i = 0; i < n; i++) {
            entries[i * 4] = in.index(strings - 1L);
            entries[i * 4 + 1] = in.index(strings - 1L);
            entries[i * 4 + 2] = in.signedInt();
            entries[i * 4 + 3] = in.signedInt();
        }
        done();
        frameMap = ensure(frameMap, frames + n);
        for (int i = 0; i < n; i++) {
            frameMap[frames++] = target.frames().intern(stringMap[entries[i * 4]], stringMap[entries[i * 4 + 1]],
                entries[i * 4 + 2], entries[i * 4 + 3]);
        }
    }

    private void frameKinds() throws PayloadReader.DamagedChunk {
        int n = in.count(2);
        int[] ids = new int[n];
        byte[] kinds = new byte[n];
        for (int i = 0; i < n; i++) {
            ids[i] = in.index(frames - 1L);
            int kind = in.u8();
            if (kind != FrameTable.NATIVE) throw new PayloadReader.DamagedChunk("unknown frame kind " + kind);
            kinds[i] = (byte) kind;
        }
        done();
        for (int i = 0; i < n; i++) target.frames().setKind(frameMap[ids[i]], kinds[i]);
    }

    private void stacks() throws PayloadReader.DamagedChunk {
        expectFirst(stacks, "stacks");
        int n = in.count(2);
        int[] parents = new int[n];
        int[] frameIds = new int[n];
        for (int i = 0; i < n; i++) {
            long id = stacks + (long) i;
            long distance = in.varint();
            if (distance < 1 || distance > id + 1) throw new PayloadReader.DamagedChunk("stack parent out of range");
            parents[i] = (int) (id - distance);
            frameIds[i] = in.index(frames - 1L);
        }
        done();
        stackMap = ensure(stackMap, stacks + n);
        for (int i = 0; i < n; i++) {
            int parent = parents[i] == StackTable.EMPTY ? StackTable.EMPTY : stackMap[parents[i]];
            stackMap[stacks++] = target.stacks().intern(parent, frameMap[frameIds[i]]);
        }
    }

    private void threads() throws PayloadReader.DamagedChunk {
        int n = in.count(3);
        int[] index = new int[n];
        long[] osTid = new long[n];
        String[] name = new String[n];
        int known = threads;
        for (int i = 0; i < n; i++) {
            index[i] = in.index(known);
            if (index[i] == known) known++;
            osTid[i] = in.signed();
            int hasName = in.u8();
            if (hasName > 1) throw new PayloadReader.DamagedChunk("bad thread name flag");
            name[i] = hasName == 1 ? in.string() : null;
        }
        done();
        threadMap = ensure(threadMap, known);
        for (int i = 0; i < n; i++) {
            // Every thread the file registers stays a thread of its own (two processes may share an OS id).
            if (index[i] == threads) threadMap[threads++] = target.addThread(osTid[i], name[i]);
            else target.renameThread(threadMap[index[i]], name[i]);
        }
    }

    /** Format 1.1: new or changed processes, then threads filed under them. */
    private void processes() throws PayloadReader.DamagedChunk {
        int n = in.count(7);
        int[] index = new int[n];
        dev.pyrometer.model.ProcessInfo[] info = new dev.pyrometer.model.ProcessInfo[n];
        int known = processes;
        for (int i = 0; i < n; i++) {
            index[i] = in.index(known);
            if (index[i] == known) known++;
            int pid = in.signedInt();
            int parentPid = in.signedInt();
            int parent = in.signedInt();
            if (parent < -1 || parent >= known) throw new PayloadReader.DamagedChunk("process parent out of range");
            String command = in.string();
            String version = in.string();
            long start = in.signed();
            long end = in.signed();
            info[i] = new dev.pyrometer.model.ProcessInfo(pid, parentPid, parent, command, version, start, end);
        }
        int m = in.count(2);
        int[] thread = new int[m];
        int[] process = new int[m];
        for (int i = 0; i < m; i++) {
            thread[i] = in.index(threads - 1L);
            process[i] = in.index(known - 1L);
        }
        done();
        processMap = ensure(processMap, known);
        for (int i = 0; i < n; i++) {
            dev.pyrometer.model.ProcessInfo p = info[i];
            int parent = p.parent() < 0 ? -1 : processMap[p.parent()];
            p = new dev.pyrometer.model.ProcessInfo(p.pid(), p.parentPid(), parent, p.commandLine(), p.pythonVersion(),
                p.startMicros(), p.endMicros());
            if (index[i] == processes) processMap[processes++] = target.process(p);
            else target.updateProcess(processMap[index[i]], p);
        }
        for (int i = 0; i < m; i++) target.assignProcess(threadMap[thread[i]], processMap[process[i]]);
    }

    private void samples() throws PayloadReader.DamagedChunk {
        int n = in.count(6);
        if (time.length < n) {
            time = new long[n];
            thread = new int[n];
            stack = new int[n];
            state = new int[n];
            user = new int[n];
            system = new int[n];
        }
        long t = in.signed();
        int maxCpuUnits = 0xFFFF;
        for (int i = 0; i < n; i++) {
            t += in.signed();
            time[i] = t;
            thread[i] = in.index(threads - 1L);
            stack[i] = in.index(stacks) - 1;
            state[i] = in.u8();
            user[i] = in.index(maxCpuUnits);
            system[i] = in.index(maxCpuUnits);
        }
        done();
        for (int i = 0; i < n; i++) {
            int s = stack[i] == StackTable.EMPTY ? StackTable.EMPTY : stackMap[stack[i]];
            target.sampleOfStack(time[i], threadMap[thread[i]], s, state[i],
                user[i] * SampleTable.CPU_UNIT_MICROS, system[i] * SampleTable.CPU_UNIT_MICROS);
        }
        samples += n;
    }

    private void memory() throws PayloadReader.DamagedChunk {
        int n = in.count(2);
        long[] times = new long[n];
        long[] bytes = new long[n];
        long t = in.signed();
        for (int i = 0; i < n; i++) {
            t += in.signed();
            times[i] = t;
            bytes[i] = in.signed();
        }
        done();
        for (int i = 0; i < n; i++) target.memoryAt(times[i], bytes[i]);
    }

    private void metadata() throws PayloadReader.DamagedChunk {
        int n = in.count(2);
        String[] entries = new String[n * 2];
        for (int i = 0; i < n * 2; i++) entries[i] = in.string();
        done();
        for (int i = 0; i < n; i++) target.metadata(entries[i * 2], entries[i * 2 + 1]);
    }

    private void end() throws PayloadReader.DamagedChunk {
        long written = in.varint();
        done();
        if (written != samples) {
            throw new PayloadReader.DamagedChunk("the end marker counts " + written + " samples but " + samples + " were read");
        }
    }

    private void expectFirst(int next, String what) throws PayloadReader.DamagedChunk {
        long first = in.varint();
        if (first != next) throw new PayloadReader.DamagedChunk(what + " start at " + first + ", expected " + next);
    }

    /** A payload must be used up exactly: trailing bytes mean the chunk is not what it claims. */
    private void done() throws PayloadReader.DamagedChunk {
        if (in.hasMore()) throw new PayloadReader.DamagedChunk(in.remaining() + " unexplained bytes at the end");
    }

    private static int[] ensure(int[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }
}
