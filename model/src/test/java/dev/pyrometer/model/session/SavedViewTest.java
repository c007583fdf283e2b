package dev.pyrometer.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.aggregate.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedViewTest {
    @TempDir Path dir;

    @Test
    void theSelectedRangeTravelsWithTheSession() {
        Profile p = SessionFixtures.golden();
        SavedView.putRange(p, new TimeRange(1_500, 2_750_000));
        Path file = dir.resolve("ranged.pyro");
        SessionWriter.save(p, file);
        Profile loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER).profile();
        assertEquals(new TimeRange(1_500, 2_750_000), SavedView.range(loaded));
        assertEquals("1500-2750000", loaded.metadata(SavedView.RANGE));
    }

    @Test
    void filesWithoutARangeOrWithABadOneHaveNone() {
        Profile p = SessionFixtures.golden();
        assertNull(SavedView.range(p), "older sessions have no view keys");
        for (String bad : new String[] {"", "12", "5-3", "a-b", "-7", "3-3"}) {
            p.metadata(SavedView.RANGE, bad);
            assertNull(SavedView.range(p), bad);
        }
    }

    @Test
    void clearingWritesAnEmptyValueAndAnUnchangedRangeChangesNothing() throws IOException {
        Profile p = SessionFixtures.golden();
        SavedView.putRange(p, null);
        assertNull(p.metadata(SavedView.RANGE), "no key is written for no range");
        SavedView.putRange(p, new TimeRange(10, 20));
        long revision = p.revision();
        SavedView.putRange(p, new TimeRange(10, 20));
        assertEquals(revision, p.revision());
        SavedView.putRange(p, null);
        assertEquals("", p.metadata(SavedView.RANGE));
        // A live recording streams the change: the later metadata chunk replaces the earlier value on reading.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionWriter writer = new SessionWriter(p, out);
        SavedView.putRange(p, new TimeRange(30, 40));
        writer.writeNew();
        SavedView.putRange(p, new TimeRange(50, 60));
        writer.writeNew();
        writer.finish();
        assertEquals(new TimeRange(50, 60), SavedView.range(SessionFileTest.load(out.toByteArray()).profile()));
    }

    @Test
    void theRootChoiceTravelsWithTheSession() {
        Profile p = SessionFixtures.golden();
        assertEquals(dev.pyrometer.model.aggregate.Roots.MERGED, SavedView.roots(p), "older sessions have merged roots");
        long revision = p.revision();
        SavedView.putRoots(p, dev.pyrometer.model.aggregate.Roots.MERGED);
        assertEquals(revision, p.revision(), "merged writes nothing where nothing was");
        SavedView.putRoots(p, dev.pyrometer.model.aggregate.Roots.PROCESS_AND_THREAD);
        Path file = dir.resolve("rooted.pyro");
        SessionWriter.save(p, file);
        Profile loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER).profile();
        assertEquals(dev.pyrometer.model.aggregate.Roots.PROCESS_AND_THREAD, SavedView.roots(loaded));
        loaded.metadata(SavedView.ROOTS, "SIDEWAYS");
        assertEquals(dev.pyrometer.model.aggregate.Roots.MERGED, SavedView.roots(loaded), "an unknown choice reads as merged");
        SavedView.putRoots(loaded, dev.pyrometer.model.aggregate.Roots.MERGED);
        assertEquals("", loaded.metadata(SavedView.ROOTS));
    }
}
