package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The keys of one {@link KeyBy} strategy over a snapshot's frames: each frame maps to a dense key id, and each key
 * knows its file, function, line or module. Immutable once built.
 */
public final class Keys {
    private final Profile profile;
    private final KeyBy by;
    private final int[] keyOfFrame;
    private final int[] frameOfKey;
    private final String[] moduleOfKey;
    private final int size;
    private volatile String[] labels;

    private Keys(Profile profile, KeyBy by, int[] keyOfFrame, int[] frameOfKey, String[] moduleOfKey, int size) {
        this.profile = profile;
        this.by = by;
        this.keyOfFrame = keyOfFrame;
        this.frameOfKey = frameOfKey;
        this.moduleOfKey = moduleOfKey;
        this.size = size;
    }

    public static Keys of(Snapshot snapshot, KeyBy by) {
        Profile profile = snapshot.profile();
        FrameTable frames = profile.frames();
        int n = snapshot.frames();
        int[] keyOfFrame = new int[n];
        int[] frameOfKey = new int[Math.max(1, n)];
        String[] modules = null;
        int size = 0;
        switch (by) {
            case LINE -> {
                for (int f = 0; f < n; f++) frameOfKey[f] = keyOfFrame[f] = f;
                size = n;
            }
            case FUNCTION -> {
                TupleInterner functions = new TupleInterner(n);
                for (int f = 0; f < n; f++) {
                    int key = functions.intern(frames.file(f), frames.function(f), frames.firstLine(f));
                    if (key == size) frameOfKey[size++] = f;
                    keyOfFrame[f] = key;
                }
            }
            case FILE -> {
                int[] keyOfFile = new int[snapshot.strings()];
                Arrays.fill(keyOfFile, -1);
                for (int f = 0; f < n; f++) {
                    int file = frames.file(f);
                    if (keyOfFile[file] < 0) {
                        keyOfFile[file] = size;
                        frameOfKey[size++] = f;
                    }
                    keyOfFrame[f] = keyOfFile[file];
                }
            }
            case MODULE -> {
                int[] keyOfFile = new int[snapshot.strings()];
                Arrays.fill(keyOfFile, -1);
                Map<String, Integer> keyOfModule = new HashMap<>();
                modules = new String[Math.max(1, n)];
                for (int f = 0; f < n; f++) {
                    int file = frames.file(f);
                    if (keyOfFile[file] < 0) {
                        String module = Modules.of(profile.strings().get(file));
                        Integer known = keyOfModule.get(module);
                        if (known == null) {
                            known = size;
                            keyOfModule.put(module, known);
                            modules[size] = module;
                            frameOfKey[size++] = f;
                        }
                        keyOfFile[file] = known;
                    }
                    keyOfFrame[f] = keyOfFile[file];
                }
            }
        }
        return new Keys(profile, by, keyOfFrame, frameOfKey, modules, size);
    }

    public KeyBy by() { return by; }
    public Profile profile() { return profile; }
    public int size() { return size; }
    /** How many frames the keys cover (the snapshot's frame count). */
    public int frameCount() { return keyOfFrame.length; }

    public int keyOf(int frame) { return keyOfFrame[frame]; }

    /** One frame that maps to the key: the first seen. */
    public int representativeFrame(int key) { return frameOfKey[key]; }

    /** Whether the key is a native (C) frame's (its file is a library; by file or module: a library's). */
    public boolean isNative(int key) {
        return profile.isNative(frameOfKey[key]);
    }

    /** The source file, or null for modules. */
    public String file(int key) {
        return by == KeyBy.MODULE ? null : profile.fileName(frameOfKey[key]);
    }

    /** The function, or null for files and modules. */
    public String function(int key) {
        return by == KeyBy.LINE || by == KeyBy.FUNCTION ? profile.functionName(frameOfKey[key]) : null;
    }

    /** The line for LINE keys, the function's first line for FUNCTION keys, else 0. */
    public int line(int key) {
        return switch (by) {
            case LINE -> profile.frames().line(frameOfKey[key]);
            case FUNCTION -> profile.frames().firstLine(frameOfKey[key]);
            default -> 0;
        };
    }

    /** The module of the key's file (computed for every strategy). */
    public String module(int key) {
        return moduleOfKey != null ? moduleOfKey[key] : Modules.of(profile.fileName(frameOfKey[key]));
    }

    /** The key as a profile-independent reference, for transforms and comparisons. */
    public FrameRef ref(int key) {
        return switch (by) {
            case LINE -> FrameRef.line(file(key), function(key), line(key));
            case FUNCTION -> FrameRef.function(file(key), function(key), line(key));
            case FILE -> FrameRef.file(file(key));
            case MODULE -> FrameRef.module(moduleOfKey[key]);
        };
    }

    /** The text views show for the key; cached. */
    public String label(int key) {
        String[] cache = labels;
        if (cache == null) labels = cache = new String[size];
        String label = cache[key];
        if (label == null) cache[key] = label = ref(key).label();
        return label;
    }

    /** Orders keys as a person would sort them: by function, then file, then line (by module or file alone). */
    int compare(int k1, int k2) {
        if (k1 == k2) return 0;
        int c = 0;
        if (by == KeyBy.MODULE) return moduleOfKey[k1].compareTo(moduleOfKey[k2]);
        if (by == KeyBy.LINE || by == KeyBy.FUNCTION) c = function(k1).compareTo(function(k2));
        if (c == 0) c = file(k1).compareTo(file(k2));
        if (c == 0) c = Integer.compare(line(k1), line(k2));
        return c != 0 ? c : Integer.compare(k1, k2);
    }
}
