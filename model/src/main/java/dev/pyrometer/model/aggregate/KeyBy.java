package dev.pyrometer.model.aggregate;

/**
 * What makes two frames "the same" in a view: the node identity of call trees, flame graphs and hot lists.
 * Finer keys show more detail; coarser keys answer "which library is slow?".
 */
public enum KeyBy {
    /** file, function and current line: one node per line that was executing or calling. */
    LINE,
    /** file, function and the function's first line (which tells apart lambdas and comprehensions of one file). */
    FUNCTION,
    /** source file; consecutive frames in one file merge into one node. */
    FILE,
    /** top-level package or module (see {@link Modules}); consecutive frames in one module merge into one node. */
    MODULE;

    /** True for keys under which a run of consecutive frames with the same key is shown as one node. */
    public boolean mergesConsecutive() {
        return this == FILE || this == MODULE;
    }
}
