package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.source.SourceDocument;
import dev.pyrometer.app.ui.source.SourceViewModel;
import dev.pyrometer.model.diff.DiffSide;
import dev.pyrometer.model.diff.Pairing;
import java.util.function.IntSupplier;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/**
 * The comparison's source pane: the new run's source view (text, heat, hottest lines, opening at the selected
 * frame), plus the selected file's lines in both runs for a gutter of per-line deltas, recomputed off the UI thread
 * when the file, the comparison or the measure changes.
 */
public final class CompareSourceViewModel {
    private final ReadOnlyObjectProperty<Comparison> comparison;
    private final ObjectProperty<ChangeMeasure> measure;
    private final LatestJob lines;
    private final ReadOnlyObjectWrapper<Analysis> compared = new ReadOnlyObjectWrapper<>(this, "compared");
    private final SourceViewModel source;
    private final ReadOnlyObjectWrapper<LineDeltas> deltas = new ReadOnlyObjectWrapper<>(this, "deltas");

    CompareSourceViewModel(ReadOnlyObjectProperty<Comparison> comparison, ObjectProperty<ChangeMeasure> measure,
                           ObjectProperty<FrameSelection> newSelection, TaskRunner runner, IntSupplier livePid,
                           ObservableList<PathMapping> mappings) {
        this.comparison = comparison;
        this.measure = measure;
        this.lines = new LatestJob(runner);
        // The source follows the very analysis the comparison was made of, so heat and deltas always agree.
        comparison.addListener((o, before, now) -> compared.set(now == null ? null : now.news()));
        this.source = new SourceViewModel(compared.getReadOnlyProperty(), newSelection, runner, livePid, mappings);
        for (Observable input : new Observable[] {source.documentProperty(), comparison, measure}) input.addListener(o -> recompute());
    }

    /** The new run's source view model (the pane's text, heat and jumps). */
    public SourceViewModel source() { return source; }
    /** The lines of the file shown, in both runs; null until computed, or when no file is shown. */
    public ReadOnlyObjectProperty<LineDeltas> deltasProperty() { return deltas.getReadOnlyProperty(); }
    public LineDeltas deltas() { return deltas.get(); }

    private void recompute() {
        SourceDocument doc = source.document();
        Comparison now = comparison.get();
        if (doc == null || now == null) return;
        String file = doc.recordedPath();
        // The pane shows the new run's file, or the base run's for a frame only it has: each run's own copy is paired.
        Pairing pairing = now.pairing();
        boolean baseOnly = !pairing.has(DiffSide.NEW, file) && pairing.has(DiffSide.BASE, file);
        String baseFile = baseOnly ? file : pairing.has(DiffSide.NEW, file) ? pairing.partner(DiffSide.NEW, file) : file;
        String newFile = baseOnly ? pairing.partner(DiffSide.BASE, file) : file;
        ChangeMeasure m = measure.get();
        lines.start("Comparing the lines of " + file,
            (cancelled, progress) -> LineDeltas.of(now.base().counts(), now.news().counts(), file, baseFile, newFile,
                now.normalization(), m, cancelled),
            deltas::set, error -> { });
    }
}
