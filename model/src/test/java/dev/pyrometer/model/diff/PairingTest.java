package dev.pyrometer.model.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.RunRoots;
import dev.pyrometer.model.TestProfiles;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.diff.DiffValues.Presence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which frames of two runs are the same, under each way of matching (the real recordings are the app's tests). */
class PairingTest {
    private static final double EPS = 1e-9;

    private static Profile run(String dir, int hotA, int hotB, RunRoots roots, String python) {
        Profile p = TestProfiles.create()
            .add(hotA, dir + "/app.py:<module>:30:1", dir + "/app.py:main:25:20", dir + "/app.py:hot_a:5:4")
            .add(hotB, dir + "/app.py:<module>:30:1", dir + "/app.py:main:26:20", dir + "/app.py:hot_b:10:9")
            .profile();
        if (roots != null) roots.metadata().forEach(p::metadata);
        if (python != null) p.metadata("python.version", python);
        return p;
    }

    private static RunRoots rootsAt(String dir) {
        return new RunRoots(List.of(dir, "/usr/lib/python3.11"), dir + "/app.py", dir, "/usr", "/usr", "/usr");
    }

    private static DiffTable table(Profile base, Profile news, KeyBy by, MatchBy match) {
        var b = DiffTest.tree(base, by);
        var n = DiffTest.tree(news, by);
        return DiffTable.of(b, n, Normalization.SHARE, Pairing.of(b.keys(), n.keys(), match));
    }

    @Test
    void twoCheckoutsPairTheirFunctionsAndLines() {
        for (boolean rooted : new boolean[] {true, false}) {
            Profile v1 = run("/tmp/v1/proj", 60, 40, rooted ? rootsAt("/tmp/v1/proj") : null, null);
            Profile v2 = run("/tmp/v2/proj", 20, 80, rooted ? rootsAt("/tmp/v2/proj") : null, null);
            DiffTable table = table(v1, v2, KeyBy.FUNCTION, MatchBy.RELATIVE_PATH);
            assertEquals(4, table.size(), "one row each for <module>, main, hot_a, hot_b");
            int hotA = DiffTest.row(table, "hot_a (app.py)");
            assertEquals(-0.4, table.totalDelta(hotA), EPS);
            assertEquals(Presence.BOTH, table.presence(hotA));
            assertEquals("app.py", table.file(hotA));
            assertEquals("/tmp/v1/proj/app.py", table.baseFile(hotA));
            assertEquals("/tmp/v2/proj/app.py", table.newFile(hotA));
            assertEquals(Map.of(Pairing.Rule.RELATIVE_PATH, 1), table.pairing().counts());
            DiffTable lines = table(v1, v2, KeyBy.LINE, MatchBy.RELATIVE_PATH);
            assertEquals(0.4, lines.totalDelta(DiffTest.row(lines, "hot_b (app.py:10)")), EPS);
            DiffTree tree = DiffTree.of(DiffTest.tree(v1, KeyBy.FUNCTION), DiffTest.tree(v2, KeyBy.FUNCTION), Normalization.SHARE,
                dev.pyrometer.model.Cancel.NEVER);
            for (int node = 0; node < tree.size(); node++) assertEquals(Presence.BOTH, tree.presence(node), tree.label(node));
            DiffTable absolute = table(v1, v2, KeyBy.FUNCTION, MatchBy.ABSOLUTE_PATH);
            assertEquals(8, absolute.size(), "by absolute path nothing pairs");
            assertNull(absolute.newFile(DiffTest.row(absolute, "hot_a (app.py)")));
        }
    }

    @Test
    void sameNamedFunctionsOfTwoProgramsStayApartUnlessMatchedByName() {
        Profile a = TestProfiles.create().add(10, "/w/a.py:main:3:1").profile();
        Profile b = TestProfiles.create().add(10, "/w/b.py:main:3:1").profile();
        rootsAt("/w").metadata().forEach(a::metadata);
        rootsAt("/w").metadata().forEach(b::metadata);
        a.metadata(RunRoots.MAIN_FILE, "/w/a.py");
        b.metadata(RunRoots.MAIN_FILE, "/w/b.py");
        assertEquals(2, table(a, b, KeyBy.FUNCTION, MatchBy.RELATIVE_PATH).size());
        DiffTable byName = table(a, b, KeyBy.FUNCTION, MatchBy.FUNCTION_NAME);
        assertEquals(1, byName.size());
        assertEquals("/w/a.py", byName.baseFile(0));
        assertEquals("/w/b.py", byName.newFile(0));
    }

    @Test
    void aFileMovedBetweenFoldersPairsByModule() {
        // v1 keeps the package under src (PYTHONPATH=src), v2 at the top: same module app.core.
        Profile v1 = TestProfiles.create().add(10, "/t/v1/main.py:main:3:1", "/t/v1/src/app/core.py:work:5:4").profile();
        Profile v2 = TestProfiles.create().add(10, "/t/v2/main.py:main:3:1", "/t/v2/app/core.py:work:5:4").profile();
        new RunRoots(List.of("/t/v1", "/t/v1/src"), "/t/v1/main.py", "/t/v1", "/usr", "/usr", "/usr").metadata().forEach(v1::metadata);
        rootsAt("/t/v2").metadata().forEach(v2::metadata);
        v2.metadata(RunRoots.MAIN_FILE, "/t/v2/main.py");
        DiffTable table = table(v1, v2, KeyBy.FUNCTION, MatchBy.RELATIVE_PATH);
        assertEquals(2, table.size());
        assertEquals(Pairing.Rule.MODULE, table.pairing().rule(DiffSide.BASE, "/t/v1/src/app/core.py"));
        assertEquals("/t/v2/app/core.py", table.pairing().partner(DiffSide.BASE, "/t/v1/src/app/core.py"));
        assertEquals("app/core.py", table.file(DiffTest.row(table, "work (app/core.py)")));

        // Without roots, the names come from each run's common folder: src.app.core and app.core still pair.
        Profile old1 = TestProfiles.create().add(10, "/t/v1/main.py:main:3:1", "/t/v1/src/app/core.py:work:5:4").profile();
        Profile old2 = TestProfiles.create().add(10, "/t/v2/main.py:main:3:1", "/t/v2/app/core.py:work:5:4").profile();
        DiffTable guessed = table(old1, old2, KeyBy.FUNCTION, MatchBy.RELATIVE_PATH);
        assertEquals(2, guessed.size(), "main and work");
        assertEquals(Pairing.Rule.MODULE, guessed.pairing().rule(DiffSide.NEW, "/t/v2/app/core.py"));
    }

    @Test
    void qualifiedNamesMeetPlainOnesAcrossPythons() {
        String old = "/root/.pyenv/versions/3.8.18/lib/python3.8/json/encoder.py";
        String now = "/root/.pyenv/versions/3.13.0/lib/python3.13/json/encoder.py";
        Profile p38 = TestProfiles.create().add(10, "/w/app.py:main:3:1", old + ":encode:199:182").profile();
        Profile p313 = TestProfiles.create().add(10, "/w/app.py:main:3:1", now + ":JSONEncoder.encode:200:183").profile();
        p38.metadata("python.version", "3.8.18");
        p313.metadata("python.version", "3.13.0");
        DiffTable table = table(p38, p313, KeyBy.FUNCTION, MatchBy.RELATIVE_PATH);
        assertEquals(2, table.size());
        int encode = DiffTest.row(table, "JSONEncoder.encode (json/encoder.py)");
        assertEquals(Presence.BOTH, table.presence(encode));
        p38.metadata("python.version", "3.12.1");
        assertEquals(3, table(p38, p313, KeyBy.FUNCTION, MatchBy.RELATIVE_PATH).size(),
            "two Pythons with qualified names: encode and JSONEncoder.encode are different functions");
    }

    @Test
    void ownFoldersGroupedAsModulesPairByTheirPlaceUnderTheRoots() {
        Profile v1 = run("/tmp/v1/proj", 60, 40, rootsAt("/tmp/v1/proj"), null);
        Profile v2 = run("/tmp/v2/proj", 20, 80, rootsAt("/tmp/v2/proj"), null);
        DiffTable modules = table(v1, v2, KeyBy.MODULE, MatchBy.RELATIVE_PATH);
        assertEquals(1, modules.size());
        assertEquals("proj", modules.file(0));
        assertEquals(2, table(v1, v2, KeyBy.MODULE, MatchBy.ABSOLUTE_PATH).size());
        DiffTable files = table(v1, v2, KeyBy.FILE, MatchBy.RELATIVE_PATH);
        assertEquals(1, files.size());
        assertEquals("app.py", files.label(0));
    }
}
