package dev.pyrometer.app.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.diff.DiffTable;
import dev.pyrometer.model.diff.Normalization;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeLevelsTest {

    /** {@code counts[i]} samples in function f{i}, on one thread. */
    static CallTree run(int... counts) {
        Profile p = new Profile();
        int t = p.thread(1, "main");
        int main = p.frame("m.py", "main", 1, 1);
        long time = 0;
        for (int f = 0; f < counts.length; f++) {
            int frame = p.frame("m.py", "f" + f, 10 * (f + 1), 10 * (f + 1));
            for (int s = 0; s < counts[f]; s++) p.sample(time += 1000, t, new int[] {frame, main}, 2, 1, 0, 0);
        }
        return CallTree.topDown(StackCounts.of(p, Selection.ALL, Cancel.NEVER), KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
    }

    static int row(DiffTable table, String function) {
        for (int r = 0; r < table.size(); r++) if (function.equals(table.function(r))) return r;
        throw new AssertionError(function);
    }

    @Test
    void levelsGrowWithTheSquareRootOfTheChangeAndNoiseIsNeutral() {
        // Of 2,000 samples: f0 +40 points, f1 -30, f2 +10, f3 -1 (within noise), f4 -19.
        DiffTable table = DiffTable.of(run(400, 700, 200, 150, 550), run(1200, 100, 400, 130, 170), Normalization.SHARE);
        ChangeLevels levels = ChangeLevels.of(table, ChangeMeasure.TOTAL);
        assertEquals(0.4, levels.scale(), 1e-9);
        assertEquals(ChangePalette.LEVELS, levels.level(row(table, "f0")));
        assertEquals(-6, levels.level(row(table, "f1")), "sqrt(30/40) of 6 is 5.2: the sixth level");
        assertEquals(3, levels.level(row(table, "f2")), "sqrt(10/40) of 6 is 3");
        assertEquals(0, levels.level(row(table, "f3")), "within noise");
        assertEquals(-5, levels.level(row(table, "f4")), "sqrt(19/40) of 6 is 4.1: the fifth level");
        assertEquals(0.4 / 4, levels.upperBound(3), 1e-12, "level 3 stands for changes up to a quarter of the largest");
    }

    @Test
    void paletteIndexesAreDistinctAndColoursDiffer() {
        Set<Byte> seen = new HashSet<>();
        for (int level = -ChangePalette.LEVELS; level <= ChangePalette.LEVELS; level++) assertTrue(seen.add(ChangePalette.index(level)));
        for (ChangePalette palette : ChangePalette.values()) {
            for (boolean dark : new boolean[] {false, true}) {
                for (int level = 1; level <= ChangePalette.LEVELS; level++) {
                    assertNotEquals(palette.neutral(dark), palette.color(level, dark));
                    assertNotEquals(palette.color(level, dark), palette.color(-level, dark));
                    // Stronger is further from neutral grey: sizes of change read as saturation.
                    double here = palette.color(level, dark).getSaturation(), weaker = level == 1 ? 0 : palette.color(level - 1, dark).getSaturation();
                    assertTrue(here >= weaker - 0.12, palette + " level " + level);
                }
            }
        }
    }
}
