/**
 * Comparing two profiles: {@link dev.pyrometer.model.diff.DiffTable} per function or line,
 * {@link dev.pyrometer.model.diff.DiffTree} per call path (for a comparison flame graph), both from two
 * {@link dev.pyrometer.model.aggregate.CallTree}s with the same key strategy, normalised by share of samples or
 * time per second ({@link dev.pyrometer.model.diff.Normalization}), with a noise estimate per change
 * ({@link dev.pyrometer.model.diff.Noise}) so views can grey out what chance explains.
 */
package dev.pyrometer.model.diff;
