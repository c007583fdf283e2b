package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The keys of one {@link KeyBy} strategy over a snapshot's frames: each frame maps to a dense key id, and each key
 * knows its file, function, line or module. Immutable once built.
 *
 * <p>Keys {@link #withRoots with root frames} have one more key per {@link RootFrames} frame after the frames' keys
 * (root frame {@code i} is frame {@code frameCount() + i} of the trees built on them): a fileless function named
 * {@code process 4242 "python3 app.py"} at every level, never native, with no representative frame.
 */
public final class Keys {
    private final Profile profile;
    private final KeyBy by;
    private final int[] keyOfFrame;
    private final int[] frameOfKey;
    private final String[] moduleOfKey;
    private final int size;
    /** The root frames whose keys follow the frames' keys, or null. */
    private final RootFrames roots;
    private volatile String[] labels;

    private Keys(Profile profile, KeyBy by, int[] keyOfFrame, int[] frameOfKey, String[] moduleOfKey, int size,
                 RootFrames roots) {
        this.profile = profile;
        this.by = by;
        this.keyOfFrame = keyOfFrame;
        this.frameOfKey = frameOfKey;
        this.moduleOfKey = moduleOfKey;
        this.size = size;
        this.roots = roots;
    }

    /** These keys with one more per root frame (null: these keys). */
    public Keys withRoots(RootFrames rootFrames) {
        if (rootFrames == null) return this;
        return new Keys(profile, by, keyOfFrame, frameOfKey, moduleOfKey, size, rootFrames);
    }

    /** Whether the key is a root frame's. */
    public boolean isRoot(int key) {
        return key >= size;
    }

    /** The root frame of a root key, or null for a frame's key. */
    public RootFrames.RootFrame root(int key) {
        return key >= size && roots != null ? roots.frame(key - size) : null;
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
        return new Keys(profile, by, keyOfFrame, frameOfKey, modules, size, null);
    }

    public KeyBy by() { return by; }
    public Profile profile() { return profile; }
    /** How many keys: the frames' and then the root frames'. */
    public int size() { return roots == null ? size : size + roots.size(); }
    /** How many frames the keys cover (the snapshot's frame count). */
    public int frameCount() { return keyOfFrame.length; }

    /** The key of a frame; frames from {@link #frameCount()} on are the root frames. */
    public int keyOf(int frame) { return frame < keyOfFrame.length ? keyOfFrame[frame] : size + frame - keyOfFrame.length; }

    /** One frame that maps to the key: the first seen; -1 for a root frame's key. */
    public int representativeFrame(int key) { return key >= size ? -1 : frameOfKey[key]; }

    /** Whether the key is a native (C) frame's (its file is a library; by file or module: a library's). */
    public boolean isNative(int key) {
        return key < size && profile.isNative(frameOfKey[key]);
    }

    /** The source file, or null for modules; a root frame's is empty (by file: its label). */
    public String file(int key) {
        if (key >= size) return by == KeyBy.MODULE ? null : by == KeyBy.FILE ? root(key).label() : "";
        return by == KeyBy.MODULE ? null : profile.fileName(frameOfKey[key]);
    }

    /** The function, or null for files and modules; a root frame's is its label. */
    public String function(int key) {
        if (by != KeyBy.LINE && by != KeyBy.FUNCTION) return null;
        return key >= size ? root(key).label() : profile.functionName(frameOfKey[key]);
    }

    /** The line for LINE keys, the function's first line for FUNCTION keys, else 0 (and 0 for a root frame). */
    public int line(int key) {
        if (key >= size) return 0;
        return switch (by) {
            case LINE -> profile.frames().line(frameOfKey[key]);
            case FUNCTION -> profile.frames().firstLine(frameOfKey[key]);
            default -> 0;
        };
    }

    /** The module of the key's file (computed for every strategy). */
    public String module(int key) {
        if (key >= size) return root(key).label();
        return moduleOfKey != null ? moduleOfKey[key] : Modules.of(profile.fileName(frameOfKey[key]));
    }

    /** The key as a profile-independent reference, for transforms and comparisons. */
    public FrameRef ref(int key) {
        if (key >= size) return RootFrames.ref(root(key).label(), by);
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
        if (cache == null) labels = cache = new String[size()];
        String label = cache[key];
        if (label == null) cache[key] = label = ref(key).label();
        return label;
    }

    /** Orders keys as a person would sort them: by function, then file, then line (by module or file alone). */
    int compare(int k1, int k2) {
        if (k1 == k2) return 0;
        if (k1 >= size || k2 >= size) {
            if (k1 < size || k2 < size) return k1 < size ? 1 : -1;
            int c = root(k1).label().compareTo(root(k2).label());
            return c != 0 ? c : Integer.compare(k1, k2);
        }
        int c = 0;
        if (by == KeyBy.MODULE) return moduleOfKey[k1].compareTo(moduleOfKey[k2]);
        if (by == KeyBy.LINE || by == KeyBy.FUNCTION) c = function(k1).compareTo(function(k2));
        if (c == 0) c = file(k1).compareTo(file(k2));
        if (c == 0) c = Integer.compare(line(k1), line(k2));
        return c != 0 ? c : Integer.compare(k1, k2);
    }
}
