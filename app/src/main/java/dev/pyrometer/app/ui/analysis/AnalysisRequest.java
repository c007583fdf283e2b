package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Transforms;

/** What the user asked to see: which samples, grouped how, split into towers how, after which transforms. */
public record AnalysisRequest(Selection selection, KeyBy keyBy, Transforms transforms, Roots roots) {
    public AnalysisRequest {
        roots = roots == null ? Roots.MERGED : roots;
    }

    /** One merged tree. */
    public AnalysisRequest(Selection selection, KeyBy keyBy, Transforms transforms) {
        this(selection, keyBy, transforms, Roots.MERGED);
    }
}
