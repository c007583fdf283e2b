package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import java.util.function.BooleanSupplier;

/**
 * One consistent set of aggregations of a profile, computed together off the UI thread from one snapshot, so the
 * flame graph, call tree and hot list always agree with each other. Immutable.
 */
public record Analysis(AnalysisRequest request, Snapshot snapshot, StackCounts counts, CallTree tree,
                       HotFunctions hot) {

    /** Everything the views need, in one pass over the samples plus work per distinct stack. */
    public static Analysis compute(Snapshot snapshot, AnalysisRequest request, BooleanSupplier cancelled) {
        StackCounts counts = StackCounts.of(snapshot, request.selection(), cancelled);
        CallTree tree = CallTree.topDown(counts, request.keyBy(), request.transforms(), cancelled);
        Cancel.check(cancelled);
        HotFunctions hot = HotFunctions.of(tree);
        return new Analysis(request, snapshot, counts, tree, hot);
    }

    /** All samples shown: the denominator of every percentage. */
    public int sampleCount() {
        return tree.total(0);
    }
}
