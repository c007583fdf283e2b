package dev.pyrometer.sampler;

/**
 * One Python frame of a snapshot.
 *
 * @param function  the qualified name where the version has one (3.11+), else the plain name
 * @param name      the plain name ({@code co_name})
 * @param line      the current line, 0 when the instruction has none
 * @param firstLine the function's first line
 * @param isNative  a C function ({@code --native}): {@code file} is its library, lines are 0
 */
public record StackFrame(String function, String name, String file, int line, int firstLine, boolean isNative) {
    public StackFrame(String function, String name, String file, int line, int firstLine) {
        this(function, name, file, line, firstLine, false);
    }
}
