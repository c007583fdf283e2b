package dev.pyrometer.sampler.elf;

import java.io.EOFException;
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
 * section headers and the symbols of {@code .dynsym} and {@code .symtab}.
 *
 * <p>Only the parts asked for are read, with positional reads: a libpython is tens of megabytes, and mapping it
 * would cost more at start-up than reading its headers and dynamic symbols (the JDK creates a mapped buffer
 * reflectively, which spins method handles on every run).
 */
public final class ElfFile implements AutoCloseable {
    /** A section: name, virtual address, file offset and size. */
    public record Section(String name, int type, long address, long offset, long size, int link) {}

    /** A loadable segment (PT_LOAD). */
    public record Segment(long offset, long virtualAddress, long fileSize, long memorySize, int flags) {
        public boolean executable() {
            return (flags & 1) != 0;
        }
    }

    private static final int SHT_SYMTAB = 2;
    private static final int SHT_NOBITS = 8;
    private static final int SHT_DYNSYM = 11;
    private static final int PT_LOAD = 1;
    private static final int SYMBOL_SIZE = 24;
    private static final long MAX_READ = 64L << 20;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final List<Section> sections = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();

    private ElfFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
        ByteBuffer header = read(0, 64);
        if (header.getInt(0) != 0x464C457F) throw new IOException(path + " is not an ELF file");
        if (header.get(4) != 2 || header.get(5) != 1) throw new IOException(path + " is not a 64-bit little-endian ELF file");
        readSegments(header);
        readSections(header);
    }

    /** Opens and parses {@code path}'s headers; close it when done. */
    public static ElfFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new ElfFile(path, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public List<Segment> segments() {
        return segments;
    }

    /** Every section header, in file order. */
    public List<Section> sections() {
        return sections;
    }

    /** The file's path as opened. */
    public Path path() {
        return path;
    }

    public Section section(String name) {
        for (Section s : sections) if (s.name.equals(name)) return s;
        return null;
    }

    /**
     * The addresses (as linked, before load bias) of the wanted symbols: from .dynsym, and from .symtab only for
     * those .dynsym does not export. Missing names are absent from the map.
     */
    public Map<String, Long> symbols(Set<String> wanted) throws IOException {
        Map<String, Long> found = new HashMap<>();
        for (int kind : new int[] {SHT_DYNSYM, SHT_SYMTAB}) {
            for (Section s : sections) {
                if (s.type == kind && found.size() < wanted.size()) scan(s, wanted, found);
            }
        }
        return found;
    }

    private void scan(Section table, Set<String> wanted, Map<String, Long> found) throws IOException {
        if (table.link < 0 || table.link >= sections.size()) return;
        Section strings = sections.get(table.link);
        ByteBuffer symbols = read(table.offset, table.size);
        ByteBuffer names = read(strings.offset, strings.size);
        for (int at = 0; at + SYMBOL_SIZE <= symbols.limit(); at += SYMBOL_SIZE) {
            long value = symbols.getLong(at + 8);
            int nameOffset = symbols.getInt(at);
            if (value == 0 || nameOffset <= 0) continue;
            String name = matchName(names, nameOffset, wanted);
            if (name != null) found.putIfAbsent(name, value);
        }
    }

    /** Compares the NUL-terminated name at {@code offset} against the wanted names without decoding most of them. */
    private static String matchName(ByteBuffer names, int offset, Set<String> wanted) {
        if (offset >= names.limit()) return null;
        int first = names.get(offset);
        for (String w : wanted) {
            if (w.charAt(0) != first) continue;
            int n = w.length();
            if (offset + n >= names.limit() || names.get(offset + n) != 0) continue;
            boolean same = true;
            for (int i = 1; i < n && same; i++) same = names.get(offset + i) == w.charAt(i);
            if (same) return w;
        }
        return null;
    }

    /** Bytes at a linked virtual address, read from the file (for constants such as {@code Py_Version}). */
    public byte[] bytesAt(long virtualAddress, int length) throws IOException {
        for (Section s : sections) {
            if (s.type == SHT_NOBITS || s.address == 0) continue;
            if (virtualAddress >= s.address && virtualAddress + length <= s.address + s.size) {
                byte[] out = new byte[length];
                read(s.offset + virtualAddress - s.address, length).get(0, out);
                return out;
            }
        }
        return null;
    }

    /** A section's contents, or null for one that has none in the file. */
    public ByteBuffer contents(Section s) throws IOException {
        if (s.type == SHT_NOBITS || s.offset + s.size > size) return null;
        return read(s.offset, s.size);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void readSegments(ByteBuffer header) throws IOException {
        long phoff = header.getLong(32);
        int phentsize = Short.toUnsignedInt(header.getShort(54));
        int phnum = Short.toUnsignedInt(header.getShort(56));
        if (phoff == 0 || phnum == 0 || phentsize < 56) return;
        ByteBuffer table = read(phoff, (long) phnum * phentsize);
        for (int i = 0; i < phnum; i++) {
            int at = i * phentsize;
            if (table.getInt(at) != PT_LOAD) continue;
            segments.add(new Segment(table.getLong(at + 8), table.getLong(at + 16), table.getLong(at + 32),
                table.getLong(at + 40), table.getInt(at + 4)));
        }
    }

    private void readSections(ByteBuffer header) throws IOException {
        long shoff = header.getLong(40);
        int shentsize = Short.toUnsignedInt(header.getShort(58));
        int shnum = Short.toUnsignedInt(header.getShort(60));
        int shstrndx = Short.toUnsignedInt(header.getShort(62));
        if (shoff == 0 || shnum == 0 || shentsize < 64 || shstrndx >= shnum || shoff + (long) shnum * shentsize > size) {
            return;
        }
        ByteBuffer table = read(shoff, (long) shnum * shentsize);
        int namesAt = shstrndx * shentsize;
        ByteBuffer names = read(table.getLong(namesAt + 24), table.getLong(namesAt + 32));
        for (int i = 0; i < shnum; i++) {
            int at = i * shentsize;
            sections.add(new Section(cString(names, table.getInt(at)), table.getInt(at + 4), table.getLong(at + 16),
                table.getLong(at + 24), table.getLong(at + 32), table.getInt(at + 40)));
        }
    }

    /** {@code length} bytes from file offset {@code offset}, little-endian. */
    private ByteBuffer read(long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || length > MAX_READ || offset + length > size) {
            throw new IOException(path + " is damaged: a header points outside the file");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        while (out.hasRemaining()) {
            if (channel.read(out, offset + out.position()) < 0) throw new EOFException(path.toString());
        }
        return out.clear();
    }

    private static String cString(ByteBuffer bytes, int offset) {
        if (offset < 0 || offset >= bytes.limit()) return "";
        int end = offset;
        while (end < bytes.limit() && bytes.get(end) != 0) end++;
        byte[] raw = new byte[end - offset];
        bytes.get(offset, raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }
}
