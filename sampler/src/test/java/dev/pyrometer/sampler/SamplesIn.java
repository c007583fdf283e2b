package dev.pyrometer.sampler;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.StackTable;
import java.nio.file.Path;

/** Counting a recording's samples by what is on their stacks, for tests of real recordings. */
public final class SamplesIn {
    /** Any process entry, for {@link #count(Profile, String, Path, int)}. */
    public static final int ANY_PROCESS = -2;

    private SamplesIn() {}

    /** Samples with {@code function} of {@code file} on the stack. */
    public static long count(Profile profile, String function, Path file) {
        return count(profile, function, file, ANY_PROCESS);
    }

    /** Samples with {@code function} of {@code file} on the stack, of process entry {@code process} (or any). */
    public static long count(Profile profile, String function, Path file, int process) {
        long n = 0;
        int size = profile.samples().size();
        for (int i = 0; i < size; i++) {
            if (process != ANY_PROCESS && profile.threads().process(profile.samples().thread(i)) != process) continue;
            for (int s = profile.samples().stack(i); s != StackTable.EMPTY; s = profile.stacks().parent(s)) {
                int f = profile.stacks().frame(s);
                if (function.equals(profile.functionName(f)) && file.toString().equals(profile.fileName(f))) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
