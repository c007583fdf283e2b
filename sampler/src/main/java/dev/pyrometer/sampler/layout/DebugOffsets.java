package dev.pyrometer.sampler.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code _Py_DebugOffsets} that CPython 3.13+ keeps at the very start of {@code _PyRuntime}: the
 * interpreter describes its own layout, so a new version with the same descriptor shape needs no new table.
 *
 * <p>The descriptor is a sequence of u64 words; {@link #WORDS} lists the positions of the ones we use, as laid out
 * in 3.13's {@code pycore_runtime.h}.
 */
public final class DebugOffsets {
    public static final String COOKIE = "xdebugpy";
    /** Bytes of the descriptor to read: everything up to and including the unicode object's offsets. */
    public static final int SIZE = 8 * 71;

    // Word indexes (u64) in 3.13's _Py_DebugOffsets.
    private static final int VERSION = 1;
    private static final int FREE_THREADED = 2;
    private static final int RUNTIME = 3;          // size, finalizing, interpreters_head
    private static final int INTERP = 6;           // size, id, next, threads_head, gc, imports_modules, sysdict,
                                                   // builtins, ceval_gil, gil_runtime_state, gil_enabled,
                                                   // gil_locked, gil_holder
    private static final int TSTATE = 19;          // size, prev, next, interp, current_frame, thread_id,
                                                   // native_thread_id, datastack_chunk, status
    private static final int FRAME = 28;           // size, previous, executable, instr_ptr, localsplus, owner
    private static final int CODE = 34;           // size, filename, name, qualname, linetable, firstlineno,
                                                   // argcount, localsplusnames, localspluskinds, co_code_adaptive
    private static final int PYOBJECT = 44;        // size, ob_type
    private static final int TYPE = 46;            // size, tp_name, tp_repr, tp_flags
    private static final int DICT = 56;            // size, ma_keys, ma_values
    private static final int LONG = 61;            // size, lv_tag, ob_digit
    private static final int BYTES = 64;           // size, ob_size, ob_sval
    private static final int UNICODE = 67;         // size, state, length, asciiobject_size

    private DebugOffsets() {}

    /** Whether {@code bytes} start with the {@code xdebugpy} cookie. */
    public static boolean hasCookie(byte[] bytes) {
        return bytes.length >= 8 && new String(bytes, 0, 8, StandardCharsets.ISO_8859_1).equals(COOKIE);
    }

    /** The {@code PY_VERSION_HEX} recorded in the descriptor. */
    public static long versionHex(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(8 * VERSION);
    }

    /**
     * A layout from the descriptor's bytes. What the descriptor does not describe comes from {@code supplement},
     * the generated table of the same minor version when there is one (may be null: then, for a version newer than
     * the tables, the stacks are still read but not the thread names nor the data stack's size), as do
     * {@code callOpcodes} (may be null); {@code ownerCstack} is not in the descriptor either.
     */
    public static Layout parse(byte[] bytes, Map<String, Long> supplement, boolean[] callOpcodes, int ownerCstack) {
        if (!hasCookie(bytes) || bytes.length < SIZE) throw new IllegalArgumentException("no _Py_DebugOffsets");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getLong(8 * FREE_THREADED) != 0) {
            throw new IllegalArgumentException("free-threaded builds are not supported");
        }
        Map<String, Long> f = supplement == null ? new HashMap<>() : new HashMap<>(supplement);
        f.put("runtime.interpreters_head", w(b, RUNTIME + 2));
        f.put("runtime.gil_tstate_current", -1L);
        f.put("interp.threads_head", w(b, INTERP + 3));
        f.put("interp.gil_locked", w(b, INTERP + 11));
        f.put("interp.gil_holder", w(b, INTERP + 12));
        f.put("tstate.size", w(b, TSTATE));
        f.put("tstate.next", w(b, TSTATE + 2));
        f.put("tstate.interp", w(b, TSTATE + 3));
        f.put("tstate.frame", w(b, TSTATE + 4));
        f.put("tstate.thread_id", w(b, TSTATE + 5));
        f.put("tstate.native_thread_id", w(b, TSTATE + 6));
        f.put("tstate.datastack_chunk", w(b, TSTATE + 7));
        f.put("tstate.cframe", -1L);
        f.put("cframe.current_frame", -1L);
        f.put("frame.size", w(b, FRAME + 4)); // the header ends where localsplus starts
        f.put("frame.previous", w(b, FRAME + 1));
        f.put("frame.code", w(b, FRAME + 2));
        f.put("frame.instr", w(b, FRAME + 3));
        f.put("frame.owner", w(b, FRAME + 5));
        f.put("frame.lasti", -1L);
        f.put("frame.owner_cstack", (long) ownerCstack);
        f.put("code.size", w(b, CODE));
        f.put("code.filename", w(b, CODE + 1));
        f.put("code.name", w(b, CODE + 2));
        f.put("code.qualname", w(b, CODE + 3));
        f.put("code.linetable", w(b, CODE + 4));
        f.put("code.firstlineno", w(b, CODE + 5));
        f.put("code.code_adaptive", w(b, CODE + 9));
        f.put("code.code", -1L);
        f.put("object.type", w(b, PYOBJECT + 1));
        f.put("bytes.size", w(b, BYTES + 1));
        f.put("bytes.data", w(b, BYTES + 2));
        f.put("unicode.state", w(b, UNICODE + 1));
        f.put("unicode.length", w(b, UNICODE + 2));
        f.put("unicode.ascii_size", w(b, UNICODE + 3));
        // PyCompactUnicodeObject adds utf8_length and utf8 to PyASCIIObject (3.12+).
        f.put("unicode.compact_size", w(b, UNICODE + 3) + 16);
        f.put("interp.modules", w(b, INTERP + 5));
        f.put("type.flags", w(b, TYPE + 3));
        f.put("dict.keys", w(b, DICT + 1));
        f.put("dict.values", w(b, DICT + 2));
        f.put("long.tag", w(b, LONG + 1));
        f.put("long.digits", w(b, LONG + 2));
        for (Map.Entry<String, Long> e : f.entrySet()) {
            if (e.getValue() < -1 || e.getValue() > 1 << 20) {
                throw new IllegalArgumentException("implausible debug offset " + e.getKey() + "=" + e.getValue());
            }
        }
        return new Layout("_Py_DebugOffsets read from the target", f, callOpcodes);
    }

    private static long w(ByteBuffer b, int word) {
        return b.getLong(8 * word);
    }
}
