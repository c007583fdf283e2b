package dev.pyrometer.sampler.walk;

import dev.pyrometer.model.RunRoots;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the target's files come from, read from its memory the way {@link ThreadNames} reads thread names:
 * {@code sys.modules} → {@code sys} → its dict → {@code path} (a list of str), {@code prefix}, {@code base_prefix},
 * {@code exec_prefix}; and {@code sys.modules} → {@code __main__} → its dict → {@code __file__}. The working
 * directory is not in memory; the caller adds it from {@code /proc}. A few dozen reads: once per recording.
 */
final class TargetRoots {
    /** {@code PyListObject} on x86-64, every version: the object header, {@code ob_size}, then {@code ob_item}. */
    private static final int LIST_SIZE = 16;
    private static final int LIST_ITEMS = 24;
    /** More entries than any real {@code sys.path} has: a larger size is a torn or wrong read. */
    private static final int MAX_PATH_ENTRIES = 4096;

    private final PyObjects objects;

    TargetRoots(PyObjects objects) {
        this.objects = objects;
    }

    /** What the interpreter holds now (cwd unknown), or null when its modules cannot be read at all. */
    RunRoots read(long interp) {
        PyObjects.Items modules = objects.items(objects.word(interp + objects.objectLayout().interpModules));
        if (modules == null) return null;
        List<String> path = List.of();
        String prefix = null, basePrefix = null, execPrefix = null;
        PyObjects.Items sys = dictOf(objects.get(modules, "sys"));
        if (sys != null) {
            List<String> read = strings(objects.get(sys, "path"));
            if (read != null) path = read;
            prefix = objects.string(objects.get(sys, "prefix"));
            basePrefix = objects.string(objects.get(sys, "base_prefix"));
            execPrefix = objects.string(objects.get(sys, "exec_prefix"));
        }
        PyObjects.Items main = dictOf(objects.get(modules, "__main__"));
        String mainFile = main == null ? null : objects.string(objects.get(main, "__file__"));
        return new RunRoots(path, mainFile, null, prefix, basePrefix, execPrefix);
    }

    private PyObjects.Items dictOf(long module) {
        return module == 0 ? null : objects.items(objects.word(module + objects.objectLayout().moduleDict));
    }

    /** The str items of the list at {@code list} (others left out), or null if it cannot be read. */
    private List<String> strings(long list) {
        ByteBuffer head = objects.read(list, LIST_ITEMS + 8);
        if (head == null) return null;
        long size = head.getLong(LIST_SIZE);
        if (size < 0 || size > MAX_PATH_ENTRIES) return null;
        ByteBuffer items = size == 0 ? null : objects.read(head.getLong(LIST_ITEMS), 8 * size);
        if (size > 0 && items == null) return null;
        List<String> out = new ArrayList<>((int) size);
        for (int i = 0; i < size; i++) {
            String s = objects.string(items.getLong(8 * i));
            if (s != null) out.add(s);
        }
        return out;
    }
}
