package dev.pyrometer.sampler.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryMappingTest {
    @Test
    void linesOfProcMaps() {
        List<MemoryMapping> maps = MemoryMapping.parse(List.of(
            "7f1c2a000000-7f1c2a021000 r-xp 00001000 08:01 1234                       /usr/lib/libpython3.11.so.1.0",
            "55d4c8a00000-55d4c8a01000 rw-p 00000000 00:00 0 ",
            "7ffd1b2f0000-7ffd1b311000 rw-p 00000000 00:00 0                          [stack]",
            "7f00aa000000-7f00aa001000 r--p 0000a000 08:01 99   /tmp/my lib (v2).so (deleted)",
            "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]",
            "garbage"));
        assertEquals(5, maps.size(), "a line that is not a mapping is skipped");
        MemoryMapping lib = maps.get(0);
        assertEquals(0x7f1c2a000000L, lib.start());
        assertEquals(0x7f1c2a021000L, lib.end());
        assertEquals(0x1000, lib.offset());
        assertTrue(lib.executable());
        assertEquals("/usr/lib/libpython3.11.so.1.0", lib.path());
        assertEquals("libpython3.11.so.1.0", lib.fileName());
        assertTrue(lib.contains(0x7f1c2a000000L));
        assertFalse(lib.contains(0x7f1c2a021000L), "the end is not in the range");

        assertEquals("", maps.get(1).path(), "anonymous memory");
        assertFalse(maps.get(1).executable());
        assertEquals("[stack]", maps.get(2).fileName());
        assertEquals("/tmp/my lib (v2).so", maps.get(3).path(), "spaces kept, a deleted file's mark taken off");
        assertEquals("my lib (v2).so", maps.get(3).fileName());
        assertEquals(0xffffffffff600000L, maps.get(4).start(), "addresses above Long.MAX_VALUE, unsigned");
        assertTrue(maps.get(4).contains(0xffffffffff600800L));
        assertFalse(maps.get(4).contains(0x7f1c2a010000L), "a low address is not in the top page");

        assertTrue(MemoryMapping.mapped(maps, 0x7f1c2a010000L));
        assertFalse(MemoryMapping.mapped(maps, 0x1000L));
    }

    @Test
    void thisProcessMapsItsOwnMemory() throws IOException {
        try (Memory mine = new Memory(4096)) {
            List<MemoryMapping> maps = MemoryMapping.read((int) ProcessHandle.current().pid());
            assertTrue(MemoryMapping.mapped(maps, Pointer.nativeValue(mine)));
            assertTrue(maps.stream().anyMatch(m -> m.executable() && m.fileName().startsWith("libjvm")), "the JVM's code");
        }
        assertThrowsNoSuchFile();
    }

    private static void assertThrowsNoSuchFile() {
        try {
            MemoryMapping.read(999_999_999);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("a process that does not exist has no maps");
    }
}
