package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Profile;

/**
 * A consistent view of a profile that may still be growing: the table sizes read once, in the order that makes
 * every sample's stack, every stack's frames and every frame's strings fall inside them (samples first, strings
 * last, the reverse of the order a writer appends in). Aggregations only look below these sizes.
 *
 * @param revision the profile's revision before the sizes were read: when it has not changed, nothing was added
 */
public record Snapshot(Profile profile, long revision, int samples, int memory, int stacks, int threads, int frames,
                       int strings) {

    public static Snapshot of(Profile profile) {
        long revision = profile.revision();
        int samples = profile.samples().size();
        int memory = profile.memory().size();
        int stacks = profile.stacks().size();
        int threads = profile.threads().size();
        int frames = profile.frames().size();
        int strings = profile.strings().size();
        return new Snapshot(profile, revision, samples, memory, stacks, threads, frames, strings);
    }
}
