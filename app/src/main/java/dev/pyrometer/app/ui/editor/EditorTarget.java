package dev.pyrometer.app.ui.editor;

import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.LineHeat;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import java.util.function.BooleanSupplier;

/** The line an editor opens a frame at: the frame's own line, else where the function spent most time, else its def. */
public final class EditorTarget {
    private EditorTarget() {}

    /**
     * @param counts the analysis's counts, for the hottest line of a function or file; null to skip that
     */
    public static int line(FrameSelection selected, StackCounts counts, BooleanSupplier cancelled) {
        if (selected.line() > 0) return selected.line();
        if (counts != null && selected.file() != null) {
            LineHeat heat = LineHeat.of(counts, selected.file(), cancelled);
            int best = selected.function() == null ? heat.hottestLine() : hottestInFunction(counts.snapshot(), heat, selected);
            if (best > 0) return best;
        }
        return Math.max(1, selected.firstLine());
    }

    private static int hottestInFunction(Snapshot snapshot, LineHeat heat, FrameSelection selected) {
        Profile profile = snapshot.profile();
        FrameTable frames = profile.frames();
        int best = -1;
        for (int f = 0; f < snapshot.frames(); f++) {
            if (!selected.function().equals(profile.functionName(f)) || !selected.file().equals(profile.fileName(f))) continue;
            if (selected.firstLine() > 0 && frames.firstLine(f) != selected.firstLine()) continue;
            int line = frames.line(f);
            if (line > 0 && (best < 0 || heat.total(line) > heat.total(best))) best = line;
        }
        return best;
    }
}
