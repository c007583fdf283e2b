package dev.pyrometer.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interned strings (file paths, function names) as dense int ids.
 *
 * <p>One writer appends; any thread may read ids below {@link #size()}: the array is filled before the volatile size
 * is published, so a reader that reads the size first always finds the strings it covers.
 */
public final class StringTable {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] strings = new String[256];
    private volatile int size;

    /** Writer only. */
    public int intern(String value) {
        Integer known = ids.get(value);
        if (known != null) return known;
        int id = size;
        if (id == strings.length) strings = Arrays.copyOf(strings, id * 2);
        strings[id] = value;
        ids.put(value, id);
        size = id + 1;
        return id;
    }

    public String get(int id) {
        return strings[id];
    }

    public int size() {
        return size;
    }
}
