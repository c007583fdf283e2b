package dev.pyrometer.sampler;

/**
 * One Python frame of a snapshot.
 *
 * @param function  the qualified name where the version has one (3.11+), else the plain name
 * @param name      the plain name ({@code co_name})
 * @param line      the current line, 0 when the instruction has none
 * @param firstLine the function's first line
 */
public record StackFrame(String function, String name, String file, int line, int firstLine) {}
