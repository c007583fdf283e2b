package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.MemoryFigure;
import dev.pyrometer.model.aggregate.Keys;

/**
 * One row of the call tree or the hot functions table: what it is, where it is, its self and total samples, and the
 * resident memory it grew and released itself (hot functions of a profile with a memory track; else 0).
 *
 * @param index   the call tree node, or the hot functions row
 * @param key     the key in the tree's {@link Keys}, -1 for the root
 * @param growth  bytes of resident memory grown while the key was on top of a running thread's stack
 * @param release bytes released (a positive number) likewise
 */
public record FrameRow(int index, int key, String name, String location, int self, int total, int all,
                       MemoryFigure selfMemory, MemoryFigure totalMemory) {

    /** Resident memory grown while the key was innermost on the stack a tick's change went to. */
    public long growth() {
        return selfMemory.growth();
    }

    public long release() {
        return selfMemory.release();
    }

    public double selfShare() {
        return all == 0 ? 0 : (double) self / all;
    }

    public double totalShare() {
        return all == 0 ? 0 : (double) total / all;
    }

    /** The name and location of a key as the tables show them: {@code work} and {@code main.py:18}. */
    static String[] describe(Keys keys, int key) {
        if (key < 0) return new String[] {"all samples", ""};
        if (keys.isRoot(key)) return new String[] {keys.root(key).label(), keys.root(key).isProcess() ? "process" : "thread"};
        return switch (keys.by()) {
            case MODULE -> new String[] {keys.module(key), "module"};
            case FILE -> new String[] {Formats.baseName(keys.file(key)), keys.file(key)};
            case FUNCTION, LINE -> new String[] {keys.function(key),
                Formats.baseName(keys.file(key)) + (keys.line(key) > 0 ? ":" + keys.line(key) : "")};
        };
    }

    static FrameRow of(Keys keys, int index, int key, int self, int total, int all) {
        return of(keys, index, key, self, total, all, MemoryFigure.NONE, MemoryFigure.NONE);
    }

    static FrameRow of(Keys keys, int index, int key, int self, int total, int all, MemoryFigure selfMemory,
                       MemoryFigure totalMemory) {
        String[] text = describe(keys, key);
        return new FrameRow(index, key, text[0], text[1], self, total, all, selfMemory, totalMemory);
    }
}
