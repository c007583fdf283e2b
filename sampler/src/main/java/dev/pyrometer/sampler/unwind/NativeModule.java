package dev.pyrometer.sampler.unwind;

import dev.pyrometer.sampler.elf.ElfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * One ELF file mapped into the target, read once: its call-frame tables ({@code .eh_frame}, and
 * {@code .debug_frame} where present), its function symbols and its loadable segments. Addresses here are as
 * linked; {@link ModuleMap} adds each mapping's load bias. A file that cannot be read is a module without
 * tables: its frames are unwound by frame pointers and named {@code library+0x…}.
 */
final class NativeModule {
    final String path;
    /** The file name, the "file" of its frames ({@code libz.so.1.2.13}), as py-spy names it. */
    final String name;
    final boolean interpreter;
    private final CfiTable ehFrame;
    private final CfiTable debugFrame;
    private final Symbols symbols;
    private final List<ElfFile.Segment> segments;

    private NativeModule(String path, CfiTable ehFrame, CfiTable debugFrame, Symbols symbols,
                         List<ElfFile.Segment> segments) {
        this.path = path;
        int slash = path.lastIndexOf('/');
        this.name = slash < 0 ? path : path.substring(slash + 1);
        this.interpreter = InterpreterFrames.isInterpreterFile(name);
        this.ehFrame = ehFrame;
        this.debugFrame = debugFrame;
        this.symbols = symbols;
        this.segments = segments;
    }

    /** Reads {@code file} (the path as the target sees it, {@code onDisk} where this process finds it). */
    static NativeModule load(String file, Path onDisk) {
        try (ElfFile elf = ElfFile.open(onDisk)) {
            return new NativeModule(file, table(elf, ".eh_frame", false), table(elf, ".debug_frame", true),
                Symbols.of(elf), List.copyOf(elf.segments()));
        } catch (IOException | RuntimeException unreadable) {
            return new NativeModule(file, null, null, Symbols.NONE, List.of());
        }
    }

    private static CfiTable table(ElfFile elf, String name, boolean debug) throws IOException {
        ElfFile.Section section = elf.section(name);
        if (section == null) return null;
        ByteBuffer bytes = elf.contents(section);
        if (bytes == null) return null;
        CfiTable table = CfiTable.parse(bytes, section.address(), debug);
        return table.size() > 0 ? table : null;
    }

    /** The load bias of a mapping of this file at {@code start} from file offset {@code offset}. */
    long bias(long start, long offset) {
        for (ElfFile.Segment s : segments) {
            long from = s.offset() & ~0xFFFL;
            if (offset >= from && offset < s.offset() + Math.max(s.fileSize(), 1)) {
                return start - (s.virtualAddress() - s.offset() + offset);
            }
        }
        return start - offset; // no headers: assume the file is mapped as linked from offset 0
    }

    /** The CFI row for linked address {@code pc}: {@code .debug_frame} first where it covers it (it is complete). */
    UnwindRow row(long pc) {
        if (debugFrame != null) {
            UnwindRow row = debugFrame.rowAt(pc);
            if (row != null) return row;
        }
        return ehFrame == null ? null : ehFrame.rowAt(pc);
    }

    /** The function holding linked address {@code pc}, demangled, or null when no symbol covers it. */
    String function(long pc) {
        int i = symbols.find(pc);
        return i < 0 ? null : Demangler.demangle(symbols.name(i));
    }

    boolean hasTables() {
        return ehFrame != null || debugFrame != null;
    }
}
