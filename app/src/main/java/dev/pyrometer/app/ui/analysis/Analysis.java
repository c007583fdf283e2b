package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.model.aggregate.KeyMemory;
import dev.pyrometer.model.aggregate.MemoryCounts;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import java.util.function.BooleanSupplier;

/**
 * One consistent set of aggregations of a profile, computed together off the UI thread from one snapshot, so the
 * flame graph, call tree and hot list always agree with each other. Immutable.
 */
public record Analysis(AnalysisRequest request, Snapshot snapshot, StackCounts counts, CallTree tree,
                       HotFunctions hot, MemoryCounts memory, KeyMemory keyMemory) {

    /**
     * Everything the views need: one pass over the samples for the counts, one over the memory readings' ticks for
     * the memory attribution (nothing when the profile has none), plus work per distinct stack.
     */
    public static Analysis compute(Snapshot snapshot, AnalysisRequest request, BooleanSupplier cancelled) {
        StackCounts counts = StackCounts.of(snapshot, request.selection(), cancelled);
        CallTree tree = CallTree.topDown(counts, request.keyBy(), request.transforms(), request.roots(), cancelled);
        Cancel.check(cancelled);
        HotFunctions hot = HotFunctions.of(tree);
        MemoryCounts memory = MemoryCounts.of(snapshot, request.selection(), cancelled);
        KeyMemory keyMemory = KeyMemory.of(memory, request.keyBy(), request.transforms(), cancelled);
        return new Analysis(request, snapshot, counts, tree, hot, memory, keyMemory);
    }

    /** All samples shown: the denominator of every percentage. */
    public int sampleCount() {
        return tree.total(0);
    }
}
