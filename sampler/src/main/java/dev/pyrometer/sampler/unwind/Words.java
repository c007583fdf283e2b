package dev.pyrometer.sampler.unwind;

/** Reads 8-byte words of the target's memory (its stack, mostly) for the unwinder. */
interface Words {
    /** Puts the word at {@code address} into {@code out[index]}; false if it cannot be read. */
    boolean read(long address, long[] out, int index);
}
