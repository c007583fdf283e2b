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
            assertEquals(0, entries.filter(p -> p.toString().endsWith(".tmp")).count(), "no temporary file left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        UiSettings again = new UiSettings(file);
        assertEquals("dark", again.get("theme", "light"));
        assertEquals(0.42, again.getDouble("divider.main", 0.5));
        assertEquals(List.of("/c.pyro", "/a.pyro"), again.getList("recent"), "a shorter list drops the old tail");
    }

    @Test
    void recentFilesOfEveryWindowSurviveWhicheverQuitsLast(@TempDir Path dir) {
        Path file = dir.resolve("ui.properties");
        UiSettings first = new UiSettings(file);
        UiSettings second = new UiSettings(file); // another window, its own process, started at the same time
        var firstRecent = new dev.pyrometer.app.ui.session.RecentFiles(first);
        var secondRecent = new dev.pyrometer.app.ui.session.RecentFiles(second);
        firstRecent.touch(Path.of("/srv/a.pyro"));
        secondRecent.touch(Path.of("/srv/b.pyro"));
        assertEquals(List.of(Path.of("/srv/b.pyro"), Path.of("/srv/a.pyro")), secondRecent.files(),
            "merged with the first window's addition when added");
        first.put("theme", "dark");
        second.put("theme", "light");
        first.save();
        second.save(); // quits last: its layout wins, the recent files of both stay
        UiSettings next = new UiSettings(file);
        assertEquals(List.of("/srv/b.pyro", "/srv/a.pyro"), next.getList("recent"));
        assertEquals("light", next.get("theme", "?"));

        firstRecent.forget(Path.of("/srv/b.pyro"));
        second.save();
        assertEquals(List.of("/srv/a.pyro"), new UiSettings(file).getList("recent"), "a forgotten file stays forgotten");
        try (var entries = Files.list(dir)) {
            assertEquals(List.of("ui.properties", "ui.properties.lock"),
                entries.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
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
