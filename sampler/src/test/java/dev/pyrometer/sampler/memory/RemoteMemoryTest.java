package dev.pyrometer.sampler.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

/** Reads of this very process, whose memory the test knows: the bytes arrive where asked, never outside the buffer. */
class RemoteMemoryTest {
    private static final int SELF = (int) ProcessHandle.current().pid();

    @Test
    void aRangeArrivesWhereAsked() {
        try (Memory source = new Memory(16); RemoteMemory memory = new RemoteMemory(SELF, 64)) {
            source.setLong(0, 0x1122334455667788L);
            source.setLong(8, 42);
            assertTrue(memory.read(Pointer.nativeValue(source), 16, 48));
            assertEquals(0x1122334455667788L, memory.buffer().getLong(48));
            assertEquals(42, memory.buffer().getLong(56));
        }
    }

    @Test
    void aPlaceOutsideTheBufferReadsNothing() {
        try (Memory source = new Memory(8); RemoteMemory memory = new RemoteMemory(SELF, 64)) {
            source.setLong(0, -1);
            long address = Pointer.nativeValue(source);
            memory.buffer().putLong(0, 7);
            // A negative offset would write below the buffer's start: native memory that is not ours.
            assertFalse(memory.read(address, 8, -8));
            assertEquals(Libc.EFAULT, memory.lastError());
            assertFalse(memory.read(address, 8, -1));
            assertFalse(memory.read(address, 8, 57), "past the end");
            assertFalse(memory.read(address, 8, Integer.MAX_VALUE), "an offset whose end overflows an int");
            assertFalse(memory.read(address, 0, 0), "nothing to read");
            assertEquals(7, memory.buffer().getLong(0), "the buffer is untouched");
            assertTrue(memory.read(address, 8, 56), "the last 8 bytes are in");
        }
    }
}
