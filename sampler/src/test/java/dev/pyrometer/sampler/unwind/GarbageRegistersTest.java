package dev.pyrometer.sampler.unwind;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import dev.pyrometer.sampler.proc.MemoryMapping;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Unwinding never loops or runs away, whatever the registers and the stack hold: random registers, registers
 * pointing into real code with a real (live, so changing) stack, and a stack whose every word is a return address
 * into code (each step finds a caller: only the depth bound stops it). Against a real target's mappings and CFI.
 */
class GarbageRegistersTest {
    @Test
    void garbageNeverLoopsNorRunsAway() throws Exception {
        Pythons.Python python = Pythons.all().getFirst();
        try (TargetProcess target = TargetProcess.startDetached(python.executable(), "native_work.py", "sort",
                "{dir}/ready")) {
            target.awaitFile("ready");
            List<MemoryMapping> maps = MemoryMapping.read(target.pid());
            List<MemoryMapping> code = maps.stream().filter(m -> m.executable() && m.path().startsWith("/")).toList();
            MemoryMapping stack = maps.stream().filter(m -> m.path().equals("[stack]")).findFirst().orElseThrow();
            ModuleMap modules = new ModuleMap(target.pid());
            NativeUnwinder unwinder = new NativeUnwinder(modules);
            long[] pcs = new long[NativeUnwinder.MAX_DEPTH];
            SplittableRandom random = new SplittableRandom(17);
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                try (StackMemory memory = new StackMemory(target.pid())) {
                    long[] regs = new long[UnwindRow.REGISTERS];
                    for (int round = 0; round < 3000; round++) {
                        for (int r = 0; r < regs.length; r++) regs[r] = random.nextLong();
                        if (round % 3 > 0) { // real code, a real stack
                            MemoryMapping m = code.get(random.nextInt(code.size()));
                            regs[UnwindRow.RA] = m.start() + random.nextLong(m.end() - m.start());
                            regs[UnwindRow.RSP] = (stack.start() + random.nextLong(stack.end() - stack.start())) & ~7L;
                            if (round % 3 == 2) regs[UnwindRow.RBP] = regs[UnwindRow.RSP] + 8 * random.nextInt(64);
                        }
                        memory.load(regs[UnwindRow.RSP], modules.mappingEnd(regs[UnwindRow.RSP]));
                        int depth = unwinder.unwind(regs, memory, pcs);
                        assertTrue(depth >= 0 && depth <= NativeUnwinder.MAX_DEPTH, "depth " + depth);
                    }
                }
                // Every word a return address into code: each step succeeds, so only the bound ends it.
                MemoryMapping libc = code.stream().filter(m -> m.fileName().startsWith("libc.so")).findFirst()
                    .orElse(code.getFirst());
                long codeAddress = libc.start() + 0x40;
                Words everywhereCode = (address, out, index) -> {
                    out[index] = codeAddress;
                    return true;
                };
                long[] regs = new long[UnwindRow.REGISTERS];
                regs[UnwindRow.RA] = codeAddress;
                regs[UnwindRow.RSP] = 0x7f0000000000L;
                regs[UnwindRow.RBP] = 0x7f0000000100L;
                int depth = unwinder.unwind(regs, everywhereCode, pcs);
                assertTrue(depth <= NativeUnwinder.MAX_DEPTH, "bounded: " + depth);
                // A frame chain pointing at itself: the stack pointer stops growing, and the walk stops.
                Words selfLoop = (address, out, index) -> {
                    out[index] = (address & 7) == 0 && address % 16 == 8 ? codeAddress : 0x7f0000000100L;
                    return true;
                };
                depth = unwinder.unwind(regs, selfLoop, pcs);
                assertTrue(depth < 8, "a self-referencing chain ends at once: " + depth);
            });
        }
    }
}
