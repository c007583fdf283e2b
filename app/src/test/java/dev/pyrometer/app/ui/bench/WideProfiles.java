package dev.pyrometer.app.ui.bench;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import java.util.SplittableRandom;

/**
 * Profiles built to stress the flame graph: every sample follows one of {@code paths} equally likely call paths
 * that share their first few levels and then stay apart for {@code depth} frames, so that at a canvas width of
 * {@code paths} pixels or more every level holds {@code paths} one-pixel-wide frames.
 */
final class WideProfiles {
    private WideProfiles() {}

    static Profile of(int paths, int depth, int samples) {
        return of(paths, depth, samples, 1, 1);
    }

    /**
     * The same paths in runs: each path chosen holds for {@code minRun} to {@code maxRun} consecutive samples, as a
     * program's calls last many samples; for the time-order chart.
     */
    static Profile of(int paths, int depth, int samples, int minRun, int maxRun) {
        Profile profile = new Profile();
        int thread = profile.thread(1, "MainThread");
        int[][] frameOf = new int[paths][depth];
        int bits = Integer.numberOfTrailingZeros(Integer.highestOneBit(paths));
        for (int p = 0; p < paths; p++) {
            for (int d = 0; d < depth; d++) {
                // Paths share a prefix for the first levels (a binary tree), then each path owns its frames.
                int node = d < bits ? p >>> (bits - d) : p;
                String file = "/srv/app/pkg" + (node % 23) + "/module" + (d % 11) + ".py";
                frameOf[p][d] = profile.frame(file, "handler_" + d + "_" + node, 10 + d, 5 + d);
            }
        }
        int[] stack = new int[depth];
        SplittableRandom random = new SplittableRandom(7);
        int p = 0;
        for (int i = 0, left = 0; i < samples; i++, left--) {
            if (left == 0) {
                p = random.nextInt(paths);
                left = minRun == maxRun ? minRun : random.nextInt(minRun, maxRun + 1);
            }
            for (int d = 0; d < depth; d++) stack[depth - 1 - d] = frameOf[p][d];
            profile.sample(i * 1_000L, thread, stack, depth, SampleState.RUNNING | SampleState.GIL, 1000, 0);
        }
        return profile;
    }
}
