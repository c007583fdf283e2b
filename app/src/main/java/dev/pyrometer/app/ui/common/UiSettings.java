package dev.pyrometer.app.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the desktop app remembers between runs (theme, window layout, recent files, path mappings, recording
 * settings), in a small properties file under {@code ~/.config/pyrometer}. Writes go to a temporary file renamed
 * into place, so a crash never leaves a half-written file; a missing or unreadable file just means defaults.
 */
public final class UiSettings {
    private final Path file;
    private final Properties values = new Properties();

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
        List<String> list = new ArrayList<>();
        for (int i = 0; ; i++) {
            String v = values.getProperty(key + "." + i);
            if (v == null) return list;
            list.add(v);
        }
    }

    public synchronized void putList(String key, List<String> list) {
        for (int i = 0; values.remove(key + "." + i) != null; i++) {
            // removed the old entries
        }
        for (int i = 0; i < list.size(); i++) values.setProperty(key + "." + i, list.get(i));
    }

    /** Writes the settings to disk; a failure is not worth bothering the user about on exit, so it is swallowed. */
    public synchronized void save() {
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "ui", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                values.store(out, "Pyrometer desktop settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // read-only home or full disk: the app still works, it just forgets its layout
        }
    }
}
