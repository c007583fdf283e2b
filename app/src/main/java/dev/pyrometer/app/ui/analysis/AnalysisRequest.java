package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Transforms;

/** What the user asked to see: which samples, grouped how, after which transforms. */
public record AnalysisRequest(Selection selection, KeyBy keyBy, Transforms transforms) {}
