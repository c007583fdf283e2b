package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.RemoteMemory;
import dev.pyrometer.sampler.version.PythonVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoded code objects by address. A lookup is a hash probe; a hit is confirmed against the code object's header
 * as read in the current sample (type, name, file, line table, first line), so an address the target freed and
 * reused for another code object is decoded again instead of being reported under the old name.
 */
public final class CodeCache {
    private static final int MAX_ENTRIES = 1 << 17;

    private final RemoteMemory memory;
    private final Layout layout;
    private final long codeType;
    private final PythonVersion version;
    private final LongIntMap byAddress = new LongIntMap(1024);
    private final List<CodeInfo> entries = new ArrayList<>();
    private long cutNames;

    /** @param codeType the target's address of {@code PyCode_Type}, or 0 if unknown (no type check then) */
    public CodeCache(RemoteMemory memory, Layout layout, long codeType, PythonVersion version) {
        this.memory = memory;
        this.layout = layout;
        this.codeType = codeType;
        this.version = version;
    }

    /** Whether the header at {@code buf[at..]} is a code object (checks the type pointer when known). */
    public boolean isCode(ByteBuffer buf, int at) {
        return codeType == 0 || buf.getLong(at + layout.objectType) == codeType;
    }

    /**
     * The entry for the code object at {@code address} whose header was read to {@code buf[at..]}: the cached one
     * if the header still matches, else a fresh decode. Null if it is not a readable code object.
     */
    public CodeInfo resolve(long address, ByteBuffer buf, int at) {
        if (!isCode(buf, at)) return null;
        int index = byAddress.get(address);
        if (index >= 0) {
            CodeInfo known = entries.get(index);
            if (matches(known, buf, at)) return known;
        }
        CodeInfo fresh = decode(address, buf, at);
        if (fresh == null) return null;
        if (entries.size() >= MAX_ENTRIES) return fresh; // a program that keeps making code: stop caching
        byAddress.put(address, entries.size());
        entries.add(fresh);
        return fresh;
    }

    /** The cached entry at {@code address} without checking it is still valid (for a speculative read). */
    CodeInfo peek(long address) {
        int index = byAddress.get(address);
        return index < 0 ? null : entries.get(index);
    }

    public int size() {
        return entries.size();
    }

    /** Code objects decoded so far whose function or file name was too long and was cut (and marked). */
    public long cutNames() {
        return cutNames;
    }

    private boolean matches(CodeInfo c, ByteBuffer buf, int at) {
        return buf.getLong(at + layout.codeName) == c.nameWord
            && buf.getLong(at + layout.codeFilename) == c.fileWord
            && buf.getLong(at + layout.codeLinetable) == c.tableWord
            && buf.getInt(at + layout.codeFirstLineNo) == c.firstLineWord;
    }

    private CodeInfo decode(long address, ByteBuffer buf, int at) {
        long name = buf.getLong(at + layout.codeName);
        long file = buf.getLong(at + layout.codeFilename);
        long table = buf.getLong(at + layout.codeLinetable);
        long qualname = layout.codeQualname >= 0 ? buf.getLong(at + layout.codeQualname) : 0;
        int firstLine = buf.getInt(at + layout.codeFirstLineNo);
        int flags = layout.codeFlags >= 0 ? buf.getInt(at + layout.codeFlags) : 0;
        long bytecode;
        long bytecodeLength;
        long codeBytes = 0;
        if (layout.codeCodeAdaptive >= 0) {
            // From 3.11 the code object is a variable-size object of 2-byte code units, its bytecode inline.
            bytecode = address + layout.codeCodeAdaptive;
            bytecodeLength = buf.getLong(at + layout.bytesSize) * 2;
        } else {
            codeBytes = buf.getLong(at + layout.codeCode);
            bytecode = codeBytes == 0 ? 0 : codeBytes + layout.bytesData;
            bytecodeLength = 0;
        }
        // From here on the reads reuse the scratch area: the header in buf may be overwritten.
        if (codeBytes != 0) bytecodeLength = PyStrings.bytesLength(memory, layout, codeBytes);
        String shortName = PyStrings.read(memory, layout, name);
        String fileName = PyStrings.read(memory, layout, file);
        byte[] raw = PyStrings.readBytes(memory, layout, table);
        if (shortName == null || fileName == null || raw == null) return null;
        String qualified = qualname != 0 ? PyStrings.read(memory, layout, qualname) : null;
        if (PyStrings.isCut(shortName) || PyStrings.isCut(fileName) || PyStrings.isCut(qualified)) cutNames++;
        LineTable lines;
        if (version.atLeast(3, 11)) lines = LineTable.fromLocationTable(raw, firstLine);
        else if (version.atLeast(3, 10)) lines = LineTable.fromLinetable310(raw, firstLine);
        else lines = LineTable.fromLnotab(raw, firstLine);
        return new CodeInfo(address, name, file, table, firstLine, bytecode, bytecodeLength, fileName,
            qualified != null ? qualified : shortName, shortName, lines, flags);
    }
}
