package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.model.aggregate.Snapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The threads filter: one choice per thread of the profile (new ones appear while recording) and the translation
 * between "these threads are checked" and the analysis's thread set (null while every thread is checked, so that
 * threads a live recording meets later are shown too).
 */
public final class ThreadFilterViewModel {
    private final AnalysisViewModel analysis;
    private final ObservableList<ThreadChoice> choices = FXCollections.observableArrayList();

    public ThreadFilterViewModel(AnalysisViewModel analysis) {
        this.analysis = analysis;
        analysis.slowAnalysisProperty().addListener((o, before, now) -> {
            if (now != null) update(now.snapshot());
        });
        if (analysis.analysis() != null) update(analysis.analysis().snapshot());
    }

    public ObservableList<ThreadChoice> choices() {
        return choices;
    }

    /** Whether a thread is shown now. */
    public boolean isShown(int thread) {
        Set<Integer> only = analysis.threadsProperty().get();
        return only == null || only.contains(thread);
    }

    /** The user checked these threads. */
    public void show(List<Integer> checked) {
        Set<Integer> set = new HashSet<>(checked);
        boolean all = choices.stream().allMatch(c -> set.contains(c.index()));
        Set<Integer> wanted = all ? null : Set.copyOf(set);
        if (!java.util.Objects.equals(wanted, analysis.threadsProperty().get())) analysis.threadsProperty().set(wanted);
    }

    private void update(Snapshot snapshot) {
        // Names only: counts would change the items several times a second while recording, and rebuilding the
        // filter's list that often would cost the UI thread for nothing.
        ThreadChoice.follow(choices, 0, snapshot);
    }
}
