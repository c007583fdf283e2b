package dev.pyrometer.sampler.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a 64-bit little-endian ELF file (the only kind the sampler reads): program headers,
 * section headers and the symbols of {@code .dynsym} and {@code .symtab}. The file is memory-mapped, not read.
 */
public final class ElfFile {
    /** A section: name, virtual address, file offset and size. */
    public record Section(String name, int type, long address, long offset, long size) {}

    /** A loadable segment (PT_LOAD). */
    public record Segment(long offset, long virtualAddress, long fileSize, long memorySize, int flags) {
        public boolean executable() {
            return (flags & 1) != 0;
        }
    }

    private static final int SHT_SYMTAB = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int PT_LOAD = 1;

    private final Path path;
    private final ByteBuffer file;
    private final List<Section> sections = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private final int type;

    private ElfFile(Path path, ByteBuffer file) throws IOException {
        this.path = path;
        this.file = file.order(ByteOrder.LITTLE_ENDIAN);
        if (file.limit() < 64 || file.getInt(0) != 0x464C457F) throw new IOException(path + " is not an ELF file");
        if (file.get(4) != 2 || file.get(5) != 1) throw new IOException(path + " is not a 64-bit little-endian ELF file");
        type = Short.toUnsignedInt(file.getShort(16));
        readSegments();
        readSections();
    }

    /** Maps and parses {@code path}. */
    public static ElfFile open(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new ElfFile(path, channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    public Path path() {
        return path;
    }

    /** ET_EXEC (2) for a fixed-address executable, ET_DYN (3) for a shared library or PIE. */
    public int type() {
        return type;
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<Section> sections() {
        return sections;
    }

    public Section section(String name) {
        for (Section s : sections) if (s.name.equals(name)) return s;
        return null;
    }

    private void readSegments() {
        long phoff = file.getLong(32);
        int phentsize = Short.toUnsignedInt(file.getShort(54));
        int phnum = Short.toUnsignedInt(file.getShort(56));
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * phentsize);
            if (file.getInt(at) != PT_LOAD) continue;
            segments.add(new Segment(file.getLong(at + 8), file.getLong(at + 16), file.getLong(at + 32),
                file.getLong(at + 40), file.getInt(at + 4)));
        }
    }

    private void readSections() {
        long shoff = file.getLong(40);
        int shentsize = Short.toUnsignedInt(file.getShort(58));
        int shnum = Short.toUnsignedInt(file.getShort(60));
        int shstrndx = Short.toUnsignedInt(file.getShort(62));
        if (shoff == 0 || shnum == 0 || shoff + (long) shnum * shentsize > file.limit()) return;
        long namesOffset = file.getLong((int) (shoff + (long) shstrndx * shentsize) + 24);
        for (int i = 0; i < shnum; i++) {
            int at = (int) (shoff + (long) i * shentsize);
            String name = cString(namesOffset + Integer.toUnsignedLong(file.getInt(at)));
            sections.add(new Section(name, file.getInt(at + 4), file.getLong(at + 16), file.getLong(at + 24),
                file.getLong(at + 32)));
        }
    }

    /**
     * The addresses (as linked, before load bias) of the wanted symbols found in .dynsym or .symtab;
     * missing names are absent from the map.
     */
    public Map<String, Long> symbols(Set<String> wanted) {
        Map<String, Long> found = new HashMap<>();
        for (Section s : sections) {
            if (s.type != SHT_DYNSYM && s.type != SHT_SYMTAB) continue;
            Section strings = sections.get(linkOf(s));
            for (long at = s.offset; at + 24 <= s.offset + s.size; at += 24) {
                long value = file.getLong((int) at + 8);
                if (value == 0) continue;
                int nameOffset = file.getInt((int) at);
                if (nameOffset == 0) continue;
                String name = matchName(strings.offset + Integer.toUnsignedLong(nameOffset), wanted);
                if (name != null) found.putIfAbsent(name, value);
            }
        }
        return found;
    }

    private int linkOf(Section s) {
        int index = sections.indexOf(s);
        long shoff = file.getLong(40);
        int shentsize = Short.toUnsignedInt(file.getShort(58));
        return file.getInt((int) (shoff + (long) index * shentsize) + 40);
    }

    /** Compares the NUL-terminated name at {@code offset} against the wanted names without decoding most of them. */
    private String matchName(long offset, Set<String> wanted) {
        int first = file.get((int) offset);
        for (String w : wanted) {
            if (w.charAt(0) != first) continue;
            int n = w.length();
            if (offset + n >= file.limit() || file.get((int) (offset + n)) != 0) continue;
            boolean same = true;
            for (int i = 1; i < n && same; i++) same = file.get((int) (offset + i)) == w.charAt(i);
            if (same) return w;
        }
        return null;
    }

    /** Bytes at a linked virtual address, read from the file (for constants such as {@code Py_Version}). */
    public byte[] bytesAt(long virtualAddress, int length) {
        for (Section s : sections) {
            if (s.type == 8 /* SHT_NOBITS */ || s.address == 0) continue;
            if (virtualAddress >= s.address && virtualAddress + length <= s.address + s.size) {
                byte[] out = new byte[length];
                file.get((int) (s.offset + virtualAddress - s.address), out);
                return out;
            }
        }
        return null;
    }

    /** A section's contents as a read-only buffer view, or null. */
    public ByteBuffer contents(Section s) {
        if (s.type == 8 || s.offset + s.size > file.limit()) return null;
        return file.slice((int) s.offset, (int) s.size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private String cString(long offset) {
        int end = (int) offset;
        while (end < file.limit() && file.get(end) != 0) end++;
        byte[] bytes = new byte[end - (int) offset];
        file.get((int) offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
