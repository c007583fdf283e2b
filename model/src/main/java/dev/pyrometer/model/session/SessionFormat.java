package dev.pyrometer.model.session;

/**
 * Constants of the {@code .pyro} session format; docs/session-format.md describes it in full.
 *
 * <p>A 16-byte header (magic, major and minor version, reserved flags), then chunks: a big-endian u32 payload
 * length, a type byte, the payload, and a big-endian CRC32 of the length, type and payload bytes. Payloads use
 * LEB128 varints. A reader skips chunk types it does not know (minor versions only add types) and refuses a newer
 * major version.
 */
public final class SessionFormat {
    /** {@code \x89PYRO\r\n\x1A}: a non-ASCII first byte and a CR LF pair catch text-mode mangling, as in PNG. */
    public static final byte[] MAGIC = {(byte) 0x89, 'P', 'Y', 'R', 'O', '\r', '\n', 0x1A};
    public static final int MAJOR = 1;
    /** 1.1 added {@link #PROCESSES} and {@link #FRAME_KINDS}. */
    public static final int MINOR = 1;
    public static final int HEADER_BYTES = 16;
    /** Length, type byte and CRC around every payload. */
    public static final int CHUNK_OVERHEAD = 9;
    /** Larger chunk lengths are taken as damage: a writer never produces them. */
    public static final int MAX_PAYLOAD = 16 << 20;

    public static final int STRINGS = 1;
    public static final int FRAMES = 2;
    public static final int STACKS = 3;
    public static final int THREADS = 4;
    public static final int SAMPLES = 5;
    public static final int MEMORY = 6;
    public static final int METADATA = 7;
    /** Written when a recording finishes cleanly; its absence means the recording was interrupted. */
    public static final int END = 8;
    /** Since 1.1: processes of a recording that followed subprocesses, and which process each thread belongs to. */
    public static final int PROCESSES = 9;
    /** Since 1.1: which frames are native (C) functions; frames it does not list are Python's. */
    public static final int FRAME_KINDS = 10;

    /** The usual file name extension. */
    public static final String EXTENSION = ".pyro";

    private SessionFormat() {}

    /** True when {@code head} starts like a session file (enough bytes of the magic to tell). */
    public static boolean looksLikeSession(byte[] head, int length) {
        if (length < 4) return false;
        for (int i = 0; i < Math.min(length, MAGIC.length); i++) if (head[i] != MAGIC[i]) return false;
        return true;
    }
}
