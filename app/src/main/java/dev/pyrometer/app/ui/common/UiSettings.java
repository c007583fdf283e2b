package dev.pyrometer.app.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the desktop app remembers between runs (theme, window layout, recent files, path mappings, recording
 * settings), in a small properties file under {@code ~/.config/pyrometer}. Writes go to a temporary file renamed
 * into place, so a crash never leaves a half-written file; a missing or unreadable file just means defaults.
 *
 * <p>Several windows (each its own process) share the file. Most values are the last writer's (a window layout), but
 * a shared list such as the recent files is changed on disk the moment it changes ({@link #updateSharedList}), merged
 * with what the other windows wrote, under a lock; {@link #save()} then keeps the disk's copy of it, so a window that
 * quits last does not overwrite the others' entries.
 */
public final class UiSettings {
    private final Path file;
    private final Properties values = new Properties();
    private final Set<String> shared = new HashSet<>();

    public UiSettings(Path file) {
        this.file = file;
        if (file != null && Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                values.clear(); // defaults are better than refusing to start
            }
        }
    }

    /** The user's settings file: {@code $XDG_CONFIG_HOME/pyrometer/ui.properties} or {@code ~/.config/pyrometer/...}. */
    public static UiSettings forUser() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new UiSettings(base.resolve("pyrometer").resolve("ui.properties"));
    }

    /** Settings that are never written (tests). */
    public static UiSettings inMemory() {
        return new UiSettings(null);
    }

    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public synchronized double getDouble(String key, double fallback) {
        try {
            String v = values.getProperty(key);
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public synchronized boolean getBoolean(String key, boolean fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public synchronized void put(String key, String value) {
        if (value == null) values.remove(key);
        else values.setProperty(key, value);
    }

    public void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }

    public void putBoolean(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    /** A list stored as {@code key.0}, {@code key.1}, ... */
    public synchronized List<String> getList(String key) {
        return getList(values, key);
    }

    public synchronized void putList(String key, List<String> list) {
        putList(values, key, list);
    }

    /**
     * Changes a list every window shares (the recent files) on disk at once: reads the list as the file holds it now
     * (other windows may have added to it), applies {@code change}, writes it back, all under a lock on the file; this
     * window's copy becomes the result, which is returned. The file's other values are left as they are.
     */
    public synchronized List<String> updateSharedList(String key, UnaryOperator<List<String>> change) {
        shared.add(key);
        if (file == null) {
            List<String> updated = List.copyOf(change.apply(new ArrayList<>(getList(key))));
            putList(key, updated);
            return updated;
        }
        try (FileChannel locked = lock()) {
            Properties disk = load();
            List<String> updated = List.copyOf(change.apply(new ArrayList<>(getList(disk, key))));
            putList(disk, key, updated);
            write(disk);
            putList(key, updated);
            return updated;
        } catch (IOException e) {
            // read-only home or full disk: this window still keeps its list until it quits
            List<String> updated = List.copyOf(change.apply(new ArrayList<>(getList(key))));
            putList(key, updated);
            return updated;
        }
    }

    /**
     * Writes the settings to disk, with the shared lists as the disk holds them (they were written when they changed);
     * a failure is not worth bothering the user about on exit, so it is swallowed.
     */
    public synchronized void save() {
        if (file == null) return;
        try (FileChannel locked = lock()) {
            Properties merged = new Properties();
            merged.putAll(values);
            if (!shared.isEmpty()) {
                Properties disk = load();
                for (String key : shared) putList(merged, key, getList(disk, key));
            }
            write(merged);
        } catch (IOException ignored) {
            // read-only home or full disk: the app still works, it just forgets its layout
        }
    }

    private static List<String> getList(Properties from, String key) {
        List<String> list = new ArrayList<>();
        for (int i = 0; ; i++) {
            String v = from.getProperty(key + "." + i);
            if (v == null) return list;
            list.add(v);
        }
    }

    private static void putList(Properties into, String key, List<String> list) {
        for (int i = 0; into.remove(key + "." + i) != null; i++) {
            // removed the old entries
        }
        for (int i = 0; i < list.size(); i++) into.setProperty(key + "." + i, list.get(i));
    }

    /** The file as it is on disk now; empty when missing or unreadable. */
    private Properties load() {
        Properties disk = new Properties();
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                disk.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                disk.clear();
            }
        }
        return disk;
    }

    private void write(Properties properties) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "ui", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "Pyrometer desktop settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * An exclusive lock between the windows' processes, on a file beside the settings (the settings file itself is
     * replaced by renames, so a lock on it would guard an old copy). Closing the channel releases it.
     */
    private FileChannel lock() throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
