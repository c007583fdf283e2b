/**
 * Files in and out. {@link dev.pyrometer.model.interchange.ProfileFiles} is the one door: it reads sessions,
 * collapsed stacks (py-spy raw, flamegraph.pl), speedscope JSON and pprof, recognising them by their first bytes,
 * and writes those and SVG flame graphs atomically. {@link dev.pyrometer.model.interchange.Format} names the
 * formats and their extensions; the readers and writers behind it each handle one format.
 */
package dev.pyrometer.model.interchange;
