package dev.pyrometer.sampler.walk;

import java.util.HashMap;
import java.util.Map;

/**
 * Python's names for its threads, read as py-spy does from {@code threading._active}: a dict from
 * {@code threading.get_ident()} to the {@code Thread} object, whose {@code _name} attribute is the name. The path
 * there: {@code sys.modules} (the interpreter's modules dict) → the {@code threading} module → its dict →
 * {@code _active} → each Thread's attributes. Threads started with {@code _thread} directly have no entry.
 */
final class ThreadNames {
    private final PyObjects objects;

    ThreadNames(PyObjects objects) {
        this.objects = objects;
    }

    /** Names by thread ident: empty when threading was never imported; null if the path could not be read. */
    Map<Long, String> read(long interp) {
        PyObjects.Items modules = objects.items(objects.word(interp + objects.objectLayout().interpModules));
        if (modules == null) return null;
        long threading = objects.get(modules, "threading");
        if (threading == 0) return Map.of();
        long active = objects.get(objects.word(threading + objects.objectLayout().moduleDict), "_active");
        PyObjects.Items threads = objects.items(active);
        if (threads == null) return null;
        Map<Long, String> names = new HashMap<>();
        for (int i = 0; i < threads.count(); i++) {
            long ident = objects.integer(threads.keys()[i]);
            if (ident == Long.MIN_VALUE) continue;
            String name = objects.string(objects.attribute(threads.values()[i], "_name"));
            if (name != null) names.put(ident, name);
        }
        return names;
    }
}
