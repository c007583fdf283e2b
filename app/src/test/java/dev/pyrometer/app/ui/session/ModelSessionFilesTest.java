package dev.pyrometer.app.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.interchange.ProfileFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSessionFilesTest {
    private final ModelSessionFiles files = new ModelSessionFiles();

    @Test
    void savesSessionsAndExportsOtherFormatsByExtension(@TempDir Path dir) throws Exception {
        Profile profile = DemoProfiles.cpuDemo(2000);
        files.save(profile, dir.resolve("whole.pyro"), Progress.NONE, Cancel.NEVER);
        SessionFiles.Opened opened = files.open(dir.resolve("whole.pyro"), Progress.NONE, Cancel.NEVER);
        assertEquals(profile.samples().size(), opened.profile().samples().size(), "a session keeps every sample");
        assertNull(opened.warning());

        files.save(profile, dir.resolve("stacks.txt"), Progress.NONE, Cancel.NEVER);
        String collapsed = Files.readString(dir.resolve("stacks.txt"));
        assertTrue(collapsed.contains("search (" + DemoProfiles.demoFile() + ":" + DemoProfiles.SEARCH_HOT_LINE + ")"));
        files.save(profile, dir.resolve("flame.svg"), Progress.NONE, Cancel.NEVER);
        assertTrue(Files.readString(dir.resolve("flame.svg")).contains("<svg"));
        files.save(profile, dir.resolve("p.speedscope.json"), Progress.NONE, Cancel.NEVER);
        assertEquals(2000, ProfileFiles.read(dir.resolve("p.speedscope.json")).profile().samples().size(),
            "exports leave idle samples out, as py-spy does");
    }

    @Test
    void pictureExportsDrawTheFlameGraphsRoots(@TempDir Path dir) throws Exception {
        Profile profile = DemoProfiles.cpuDemo(2000);
        files.export(profile, dir.resolve("threads.svg"), dev.pyrometer.model.aggregate.Roots.THREAD, Progress.NONE, Cancel.NEVER);
        files.export(profile, dir.resolve("merged.svg"), dev.pyrometer.model.aggregate.Roots.MERGED, Progress.NONE, Cancel.NEVER);
        String tid = Long.toString(profile.threads().osThreadId(profile.samples().thread(0)));
        assertTrue(Files.readString(dir.resolve("threads.svg")).contains("data-label=\"thread " + tid + " "), "a tower per thread");
        assertTrue(!Files.readString(dir.resolve("merged.svg")).contains("data-label=\"thread "), "merged");
        files.export(profile, dir.resolve("again.pyro"), dev.pyrometer.model.aggregate.Roots.THREAD, Progress.NONE, Cancel.NEVER);
        assertEquals(profile.samples().size(), files.open(dir.resolve("again.pyro"), Progress.NONE, Cancel.NEVER).profile()
            .samples().size(), "a session export is the whole session");
    }

    @Test
    void anAutosaveStreamsAndEndsAReadableSession(@TempDir Path dir) {
        Profile profile = new Profile();
        SessionFiles.Autosave autosave = files.autosave(profile, dir.resolve("live.pyro"));
        DemoProfiles.feed(profile, 500, 0);
        autosave.close();
        autosave.close();
        var loaded = ProfileFiles.read(dir.resolve("live.pyro"));
        assertTrue(loaded.report().complete());
        assertEquals(profile.samples().size(), loaded.profile().samples().size());
    }
}
