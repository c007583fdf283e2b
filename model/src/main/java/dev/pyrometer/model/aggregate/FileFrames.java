package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.StackTable;

/**
 * The frames of one source file in a snapshot's stack tree, for per-line views: which frames are in the file, its
 * highest line, and for every stack the closest stack on its path (itself included) whose frame is in the file.
 * Following {@link #next} from {@link #nearest} visits only the file's frames of a stack, innermost first.
 */
final class FileFrames {
    /** Lines beyond this are not real source lines (a damaged import); they are left out rather than allocated. */
    static final int MAX_LINE = 1 << 22;

    final int lastLine;
    /** Per stack: the nearest stack on its path whose frame is in the file, or -1. */
    final int[] nearest;
    private final StackTable stacks;
    private final FrameTable frames;

    private FileFrames(Profile profile, int lastLine, int[] nearest) {
        this.stacks = profile.stacks();
        this.frames = profile.frames();
        this.lastLine = lastLine;
        this.nearest = nearest;
    }

    static FileFrames of(Snapshot snapshot, String file) {
        Profile profile = snapshot.profile();
        FrameTable frames = profile.frames();
        StackTable stacks = profile.stacks();
        boolean[] fileString = new boolean[snapshot.strings()];
        for (int s = 0; s < fileString.length; s++) fileString[s] = file.equals(profile.strings().get(s));
        int lastLine = 0;
        boolean[] inFile = new boolean[snapshot.frames()];
        for (int f = 0; f < inFile.length; f++) {
            inFile[f] = fileString[frames.file(f)] && frames.line(f) >= 0 && frames.line(f) <= MAX_LINE;
            if (inFile[f]) lastLine = Math.max(lastLine, frames.line(f));
        }
        int n = snapshot.stacks();
        int[] nearest = new int[n];
        for (int s = 0; s < n; s++) {
            int parent = stacks.parent(s);
            nearest[s] = inFile[stacks.frame(s)] ? s : parent < 0 ? -1 : nearest[parent];
        }
        return new FileFrames(profile, lastLine, nearest);
    }

    /** The next stack of the file further out than {@code t} (one of the file's stacks), or -1. */
    int next(int t) {
        int parent = stacks.parent(t);
        return parent < 0 ? -1 : nearest[parent];
    }

    /** The line of a stack's own frame. */
    int line(int stack) {
        return frames.line(stacks.frame(stack));
    }
}
