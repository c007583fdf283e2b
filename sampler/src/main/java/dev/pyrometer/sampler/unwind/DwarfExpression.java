package dev.pyrometer.sampler.unwind;

/**
 * Evaluates the DWARF expressions CFI uses (DWARF 5 §2.5): register-relative addresses, constants, arithmetic,
 * comparisons and memory reads; e.g. the PLT's {@code rsp + 8 + ((rip & 15) >= 11 ? 8 : 0)}. Anything else (or a
 * runaway expression) fails, and the frame is not trusted.
 */
final class DwarfExpression {
    private static final int MAX_STACK = 64;
    private static final int MAX_STEPS = 1024;
    private final long[] stack = new long[MAX_STACK];
    private final long[] word = new long[1];

    /**
     * The expression's value, or {@code fail[0] = true}; {@code initial} is pushed first when {@code push} (the CFA,
     * for register rules). {@code regs} and {@code valid} are the frame's registers (DWARF numbers).
     */
    long evaluate(byte[] code, long[] regs, boolean[] valid, Words memory, boolean push, long initial, boolean[] fail) {
        int sp = 0;
        if (push) stack[sp++] = initial;
        DwarfCursor c = new DwarfCursor(java.nio.ByteBuffer.wrap(code).order(java.nio.ByteOrder.LITTLE_ENDIAN), 0, 0);
        try {
            for (int steps = 0; c.at < code.length; steps++) {
                if (steps > MAX_STEPS || sp >= MAX_STACK - 1) return failed(fail);
                int op = c.u8();
                if (op >= 0x30 && op <= 0x4F) { stack[sp++] = op - 0x30; continue; } // lit0..31
                if (op >= 0x50 && op <= 0x6F) { // reg0..31: the register's value
                    int r = op - 0x50;
                    if (r >= regs.length || !valid[r]) return failed(fail);
                    stack[sp++] = regs[r];
                    continue;
                }
                if (op >= 0x70 && op <= 0x8F) { // breg0..31 offset
                    int r = op - 0x70;
                    long offset = c.sleb();
                    if (r >= regs.length || !valid[r]) return failed(fail);
                    stack[sp++] = regs[r] + offset;
                    continue;
                }
                switch (op) {
                    case 0x03 -> stack[sp++] = c.u64(); // addr
                    case 0x06 -> { // deref
                        if (sp < 1 || !memory.read(stack[sp - 1], word, 0)) return failed(fail);
                        stack[sp - 1] = word[0];
                    }
                    case 0x08 -> stack[sp++] = c.u8();
                    case 0x09 -> stack[sp++] = (byte) c.u8();
                    case 0x0A -> stack[sp++] = c.u16();
                    case 0x0B -> stack[sp++] = (short) c.u16();
                    case 0x0C -> stack[sp++] = c.u32();
                    case 0x0D -> stack[sp++] = (int) c.u32();
                    case 0x0E, 0x0F -> stack[sp++] = c.u64();
                    case 0x10 -> stack[sp++] = c.uleb();
                    case 0x11 -> stack[sp++] = c.sleb();
                    case 0x12 -> { if (sp < 1) return failed(fail); stack[sp] = stack[sp - 1]; sp++; } // dup
                    case 0x13 -> { if (sp < 1) return failed(fail); sp--; } // drop
                    case 0x14 -> { if (sp < 2) return failed(fail); stack[sp] = stack[sp - 2]; sp++; } // over
                    case 0x16 -> { // swap
                        if (sp < 2) return failed(fail);
                        long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t;
                    }
                    case 0x19 -> { if (sp < 1) return failed(fail); stack[sp - 1] = Math.abs(stack[sp - 1]); }
                    case 0x1F -> { if (sp < 1) return failed(fail); stack[sp - 1] = -stack[sp - 1]; }
                    case 0x20 -> { if (sp < 1) return failed(fail); stack[sp - 1] = ~stack[sp - 1]; }
                    case 0x23 -> { if (sp < 1) return failed(fail); stack[sp - 1] += c.uleb(); } // plus_uconst
                    case 0x1A, 0x1C, 0x1E, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27,
                         0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E -> {
                        if (sp < 2) return failed(fail);
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = switch (op) {
                            case 0x1A -> a & b;
                            case 0x1C -> a - b;
                            case 0x1E -> a * b;
                            case 0x21 -> a | b;
                            case 0x22 -> a + b;
                            case 0x24 -> a << b;
                            case 0x25 -> a >>> b;
                            case 0x26 -> a >> b;
                            case 0x27 -> a ^ b;
                            case 0x29 -> a == b ? 1 : 0;
                            case 0x2A -> a >= b ? 1 : 0;
                            case 0x2B -> a > b ? 1 : 0;
                            case 0x2C -> a <= b ? 1 : 0;
                            case 0x2D -> a < b ? 1 : 0;
                            default -> a != b ? 1 : 0;
                        };
                    }
                    case 0x96 -> { } // nop
                    default -> { return failed(fail); }
                }
            }
        } catch (IndexOutOfBoundsException damaged) {
            return failed(fail);
        }
        if (sp < 1) return failed(fail);
        return stack[sp - 1];
    }

    private static long failed(boolean[] fail) {
        fail[0] = true;
        return 0;
    }
}
