package dev.pyrometer.sampler.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.testing.ExternalTools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ElfFile on libraries and programs gcc builds in the test, whose contents the test knows: an exported constant and
 * a hidden one (in {@code .symtab} only), found by name, and their bytes read back at the addresses found.
 */
class ElfFileHeadersTest {
    private static final String SOURCE = """
        const unsigned long long pyro_marker = 0x1122334455667788ULL;
        __attribute__((visibility("hidden"))) const unsigned long long pyro_hidden = 0x0102030405060708ULL;
        int pyro_function(void) { return (int) (pyro_marker + pyro_hidden); }
        int main(void) { return pyro_function() == 0; }
        """;
    private static final long MARKER = 0x1122334455667788L;
    private static final long HIDDEN = 0x0102030405060708L;

    @TempDir Path dir;

    private Path build(String name, String... flags) throws Exception {
        Path gcc = ExternalTools.require("gcc", "apt-get install gcc");
        Path source = dir.resolve("pyro.c");
        if (!Files.exists(source)) Files.writeString(source, SOURCE);
        Path out = dir.resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of(gcc.toString(), "-O1"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-o", out.toString(), source.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + said);
        return out;
    }

    @Test
    void aSharedLibrarysSymbolsAndTheirBytes() throws Exception {
        Path library = build("libpyro.so", "-shared", "-fPIC");
        try (ElfFile elf = ElfFile.open(library)) {
            Map<String, Long> found = elf.symbols(Set.of("pyro_marker", "pyro_hidden", "pyro_function", "pyro_absent"));
            assertEquals(Set.of("pyro_marker", "pyro_hidden", "pyro_function"), found.keySet());
            assertEquals(MARKER, littleEndian(elf.bytesAt(found.get("pyro_marker"), 8)));
            assertEquals(HIDDEN, littleEndian(elf.bytesAt(found.get("pyro_hidden"), 8)), "found in .symtab");

            ElfFile.Section text = elf.section(".text");
            assertNotNull(text);
            long function = found.get("pyro_function");
            assertTrue(function >= text.address() && function < text.address() + text.size(), "the function is code");
            assertTrue(elf.segments().stream().anyMatch(s -> s.executable()
                && function >= s.virtualAddress() && function < s.virtualAddress() + s.memorySize()), "in an executable segment");
            assertTrue(elf.segments().stream().anyMatch(s -> !s.executable()), "and data segments");
            assertNull(elf.section(".no_such_section"));

            ElfFile.Section rodata = elf.section(".rodata");
            ByteBuffer contents = elf.contents(rodata);
            assertEquals(rodata.size(), contents.remaining());
            long at = found.get("pyro_marker") - rodata.address();
            assertEquals(MARKER, contents.order(ByteOrder.LITTLE_ENDIAN).getLong((int) at));
            assertNull(elf.bytesAt(0x7fff_ffff_0000L, 8), "an address no section holds");
        }
    }

    @Test
    void aFixedAddressProgramAndAStrippedOne() throws Exception {
        Path program = build("pyro-exec", "-no-pie");
        try (ElfFile elf = ElfFile.open(program)) {
            assertEquals(MARKER, littleEndian(elf.bytesAt(elf.symbols(Set.of("pyro_marker")).get("pyro_marker"), 8)));
        }
        Path stripped = build("pyro-stripped", "-no-pie", "-s");
        try (ElfFile elf = ElfFile.open(stripped)) {
            assertTrue(elf.symbols(Set.of("pyro_marker", "pyro_hidden")).isEmpty(), "no symbol table left");
            assertNull(elf.section(".symtab"));
            assertNotNull(elf.section(".dynsym"), "the dynamic symbols stay");
        }
    }

    @Test
    void aFileThatIsNotElfIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "#!/bin/sh\necho not an ELF file, but long enough to hold a header\n".repeat(2));
        IOException e = assertThrows(IOException.class, () -> ElfFile.open(text));
        assertEquals(text + " is not an ELF file", e.getMessage());
        byte[] elf32 = new byte[64];
        elf32[0] = 0x7F;
        elf32[1] = 'E';
        elf32[2] = 'L';
        elf32[3] = 'F';
        elf32[4] = 1; // ELFCLASS32
        elf32[5] = 1;
        Path small = Files.write(dir.resolve("elf32"), elf32);
        assertEquals(small + " is not a 64-bit little-endian ELF file",
            assertThrows(IOException.class, () -> ElfFile.open(small)).getMessage());
    }

    private static long littleEndian(byte[] bytes) {
        assertNotNull(bytes);
        assertEquals(8, bytes.length);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
