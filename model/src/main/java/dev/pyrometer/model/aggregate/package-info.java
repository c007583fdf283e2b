/**
 * Aggregations the views bind to. All results are immutable struct-of-arrays values, computed off the UI thread
 * from a consistent {@link dev.pyrometer.model.aggregate.Snapshot} of a profile that may still be recording, and
 * cancellable through a {@link java.util.function.BooleanSupplier} (they throw
 * {@link dev.pyrometer.model.CancelledException}).
 *
 * <pre>{@code
 * StackCounts counts = StackCounts.of(Snapshot.of(profile), selection, cancelled);   // one pass over samples
 * CallTree tree = CallTree.topDown(counts, KeyBy.FUNCTION, transforms, cancelled);   // per distinct stack
 * CallerTree callers = CallerTree.of(tree);                                          // bottom-up, expands on demand
 * CallTree icicle = CallTree.bottomUp(tree, 1.0 / canvasWidth, cancelled);           // bottom-up, narrow nodes left out
 * FlameLayout flame = FlameLayout.of(tree, 1.0 / canvasWidth, FlameLayout.Order.ALPHABETICAL, cancelled);
 * HotFunctions hot = HotFunctions.of(tree);
 * LineHeat heat = LineHeat.of(counts, "/srv/app/main.py", cancelled);
 * ThreadTotals threads = ThreadTotals.of(snapshot, selection, cancelled);
 *
 * MemoryCounts memory = MemoryCounts.of(snapshot, selection, cancelled);             // memory change per shared stack
 * LineMemory lines = LineMemory.of(memory, "/srv/app/main.py", cancelled);           // ... per line of one file
 * KeyMemory functions = KeyMemory.of(memory, KeyBy.FUNCTION, transforms, cancelled); // ... per hot-list key
 * FunctionLines table = FunctionLines.of(counts, memory, file, "main", 12, cancelled); // one function's lines
 * Timeline timeline = Timeline.of(snapshot, fromMicros, toMicros, pixels, cancelled); // thread lanes, CPU, memory
 * TimeOrder chart = TimeOrder.of(snapshot, selection, TimeOrder.BUSIEST_THREAD, KeyBy.FUNCTION, transforms,
 *                                microsPerPixel, cancelled);                          // stacks over time
 * }</pre>
 */
package dev.pyrometer.model.aggregate;
