package dev.pyrometer.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiSettingsTest {

    @Test
    void valuesAndListsSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("config/pyrometer/ui.properties");
        UiSettings settings = new UiSettings(file);
        settings.put("theme", "dark");
        settings.putDouble("divider.main", 0.42);
        settings.putList("recent", List.of("/a.pyro", "/b.pyro", "/c.pyro"));
        settings.putList("recent", List.of("/c.pyro", "/a.pyro"));
        settings.save();
        assertTrue(Files.exists(file));
        try (var entries = Files.list(file.getParent())) {
            assertEquals(1, entries.count(), "no temporary file left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        UiSettings again = new UiSettings(file);
        assertEquals("dark", again.get("theme", "light"));
        assertEquals(0.42, again.getDouble("divider.main", 0.5));
        assertEquals(List.of("/c.pyro", "/a.pyro"), again.getList("recent"), "a shorter list drops the old tail");
    }

    @Test
    void anUnreadableFileMeansDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ui.properties"), "divider.main=not a number\n\\u12");
        UiSettings settings = new UiSettings(file);
        assertEquals(0.5, settings.getDouble("divider.main", 0.5));
        assertFalse(settings.getBoolean("window.maximized", false));
    }

    @Test
    void formatsReadWell() {
        assertEquals("42.1%", Formats.percent(0.4213));
        assertEquals("0.42%", Formats.percent(0.0042));
        assertEquals("<0.01%", Formats.percent(0.00001));
        assertEquals("1:02:03", Formats.elapsed(java.time.Duration.ofSeconds(3723)));
        assertEquals("12,345", Formats.count(12345));
        assertEquals("12.0 kHz", Formats.rate(12_000));
    }
}
