package dev.pyrometer.model.aggregate;

/**
 * One change a user makes to what a call tree or flame graph shows. Transforms work on frames, before frames are
 * grouped into keys, so they mean the same under every {@link KeyBy}. They stack in a {@link Transforms} value.
 */
public sealed interface Transform {

    /** A label for an undo list or a breadcrumb. */
    String describe();

    /** Keep only samples that pass through the target, and show the target's outermost call as the root. */
    record Focus(FrameRef target) implements Transform {
        @Override public String describe() { return "Focus on " + target.label(); }
    }

    /** Remove the target from every stack: its own time goes to whoever called it. */
    record Merge(FrameRef target) implements Transform {
        @Override public String describe() { return "Merge " + target.label() + " into callers"; }
    }

    /**
     * When the target calls back into itself, directly or through other functions, drop the frames in between:
     * {@code a → f → b → f → c} becomes {@code a → f → c}.
     */
    record CollapseRecursion(FrameRef target) implements Transform {
        @Override public String describe() { return "Collapse recursion of " + target.label(); }
    }

    /** Every function calling itself directly shows as one call: {@code a → f → f → f → c} becomes {@code a → f → c}. */
    record CollapseDirectRecursion() implements Transform {
        @Override public String describe() { return "Collapse direct recursion"; }
    }

    /** Leave out samples of threads that were not running. */
    record HideIdle() implements Transform {
        @Override public String describe() { return "Hide idle"; }
    }
}
