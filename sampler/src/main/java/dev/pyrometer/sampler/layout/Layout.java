package dev.pyrometer.sampler.layout;

import java.util.Map;

/**
 * Where the fields the sampler reads sit in one CPython minor version's structures (x86-64, bytes). -1 marks a
 * field that version does not have. Built from a generated table ({@link LayoutTables}) or, from 3.13 on, from
 * the {@code _Py_DebugOffsets} the target carries ({@link DebugOffsets}). Public final fields: the hot path reads
 * them at every frame.
 */
public final class Layout {
    public final String source;

    public final int runtimeInterpretersHead;
    /** {@code _PyRuntime.gilstate.tstate_current} up to 3.11, else -1. */
    public final int runtimeGilTstateCurrent;

    public final int interpThreadsHead;
    /** From 3.12: the interpreter's own GIL, {@code _gil.locked} and {@code _gil.last_holder}. */
    public final int interpGilLocked;
    public final int interpGilHolder;

    public final int tstateSize;
    public final int tstateNext;
    public final int tstateInterp;
    public final int tstateThreadId;
    /** The current frame pointer in the thread state (up to 3.10 and from 3.13), or -1 when it goes through cframe. */
    public final int tstateFrame;
    /** 3.11 and 3.12: {@code tstate->cframe}, then {@code cframe->current_frame}. */
    public final int tstateCframe;
    public final int cframeCurrentFrame;
    public final int tstateNativeThreadId;
    public final int tstateDatastackChunk;
    /** {@code _PyStackChunk.size} (3.11+), to bound a read ahead of the chunk; -1 when unknown. */
    public final int chunkSize;

    /** Bytes to read of a frame: a {@code PyFrameObject} (to 3.10) or a {@code _PyInterpreterFrame} header. */
    public final int frameSize;
    public final int framePrevious;
    public final int frameCode;
    /** Up to 3.10: {@code f_lasti}. */
    public final int frameLasti;
    /** From 3.11: {@code prev_instr} (3.11, 3.12) or {@code instr_ptr} (3.13+). */
    public final int frameInstr;
    public final int frameOwner;
    /** The owner value of C-stack shim frames (skipped), or -1. */
    public final int frameOwnerCstack;

    public final int codeSize;
    public final int codeFilename;
    public final int codeName;
    public final int codeQualname;
    public final int codeFirstLineNo;
    /** {@code co_flags} (generator, coroutine…), or -1 when unknown. */
    public final int codeFlags;
    /** {@code co_lnotab} (to 3.9) or {@code co_linetable}. */
    public final int codeLinetable;
    /** Up to 3.10: {@code co_code}, the bytes object holding the bytecode. */
    public final int codeCode;
    /** From 3.11: the bytecode inline in the code object. */
    public final int codeCodeAdaptive;

    public final int objectType;
    public final int bytesSize;
    public final int bytesData;
    public final int unicodeLength;
    public final int unicodeState;
    public final int unicodeAsciiSize;
    public final int unicodeCompactSize;

    /** {@code callOpcodes[op]}: op is a CALL-family instruction (a thread on one runs C code). Null if unknown. */
    public final boolean[] callOpcodes;

    /** Dicts, modules, attributes and ints, for thread names; null when this layout does not know them. */
    public final ObjectLayout objects;

    Layout(String source, Map<String, Long> f, boolean[] callOpcodes) {
        this.source = source;
        runtimeInterpretersHead = get(f, "runtime.interpreters_head");
        runtimeGilTstateCurrent = get(f, "runtime.gil_tstate_current");
        interpThreadsHead = get(f, "interp.threads_head");
        interpGilLocked = get(f, "interp.gil_locked");
        interpGilHolder = get(f, "interp.gil_holder");
        tstateSize = get(f, "tstate.size");
        tstateNext = get(f, "tstate.next");
        tstateInterp = get(f, "tstate.interp");
        tstateThreadId = get(f, "tstate.thread_id");
        tstateFrame = get(f, "tstate.frame");
        tstateCframe = get(f, "tstate.cframe");
        cframeCurrentFrame = get(f, "cframe.current_frame");
        tstateNativeThreadId = get(f, "tstate.native_thread_id");
        tstateDatastackChunk = get(f, "tstate.datastack_chunk");
        chunkSize = optional(f, "chunk.size");
        frameSize = get(f, "frame.size");
        framePrevious = get(f, "frame.previous");
        frameCode = get(f, "frame.code");
        frameLasti = get(f, "frame.lasti");
        frameInstr = get(f, "frame.instr");
        frameOwner = get(f, "frame.owner");
        frameOwnerCstack = get(f, "frame.owner_cstack");
        codeSize = get(f, "code.size");
        codeFilename = get(f, "code.filename");
        codeName = get(f, "code.name");
        codeQualname = get(f, "code.qualname");
        codeFirstLineNo = get(f, "code.firstlineno");
        codeFlags = optional(f, "code.flags");
        codeLinetable = get(f, "code.linetable");
        codeCode = get(f, "code.code");
        codeCodeAdaptive = get(f, "code.code_adaptive");
        objectType = get(f, "object.type");
        bytesSize = get(f, "bytes.size");
        bytesData = get(f, "bytes.data");
        unicodeLength = get(f, "unicode.length");
        unicodeState = get(f, "unicode.state");
        unicodeAsciiSize = get(f, "unicode.ascii_size");
        unicodeCompactSize = get(f, "unicode.compact_size");
        this.callOpcodes = callOpcodes;
        this.objects = ObjectLayout.of(f);
    }

    /** A field older tables (or the debug offsets) may not have: -1 then. */
    private static int optional(Map<String, Long> fields, String key) {
        Long value = fields.get(key);
        return value == null ? -1 : value.intValue();
    }

    private static int get(Map<String, Long> fields, String key) {
        Long value = fields.get(key);
        if (value == null) throw new IllegalArgumentException("layout field " + key + " is missing");
        return value.intValue();
    }

    /** Frames are {@code _PyInterpreterFrame}s in the thread's data stack (3.11+), not heap frame objects. */
    public boolean interpreterFrames() {
        return frameInstr >= 0;
    }

    /** Bytes of a code object to read so that every field the sampler needs is inside. */
    public int codeHeaderSize() {
        int end = Math.max(Math.max(codeFilename, codeName), Math.max(codeQualname, codeLinetable));
        end = Math.max(end, Math.max(codeFirstLineNo, codeCode));
        end = Math.max(end, codeFlags);
        return end + 8;
    }

    /** Bytes of a thread state to read. */
    public int tstateReadSize() {
        int end = Math.max(Math.max(tstateNext, tstateInterp), Math.max(tstateThreadId, tstateFrame));
        end = Math.max(end, Math.max(tstateCframe, Math.max(tstateNativeThreadId, tstateDatastackChunk)));
        return end + 8;
    }

    /** Bytes of a frame to read. */
    public int frameReadSize() {
        int end = Math.max(Math.max(framePrevious, frameCode), Math.max(frameLasti, frameInstr));
        return Math.max(end + 8, frameOwner + 1);
    }
}
