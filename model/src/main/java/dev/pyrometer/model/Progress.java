package dev.pyrometer.model;

/** Progress of a long load or write: {@code done} out of {@code total} units (bytes, usually). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> {};

    /** Called from the working thread, at most every few milliseconds of work; total is -1 when unknown. */
    void update(long done, long total);
}
