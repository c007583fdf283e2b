package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.app.ui.common.Controls;
import dev.pyrometer.model.aggregate.KeyBy;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;

/**
 * The controls that change what every view of a workspace shows: group frames by function, line, file or module;
 * which threads; whether idle samples count; GIL holders only.
 */
public final class AnalysisBar extends HBox {
    private final CheckComboBox<ThreadChoice> threads = new CheckComboBox<>();
    private final CheckComboBox<ProcessChoice> processes = new CheckComboBox<>();
    private boolean syncing;

    public AnalysisBar(AnalysisViewModel analysis, ThreadFilterViewModel threadFilter) {
        this(analysis, threadFilter, null);
    }

    /** With a processes filter beside the threads filter, shown when the recording has processes. */
    public AnalysisBar(AnalysisViewModel analysis, ThreadFilterViewModel threadFilter, ProcessFilterViewModel processFilter) {
        getStyleClass().add("analysis-bar");
        setId("analysis-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label groupLabel = new Label("Frames");
        SegmentedButton groups = groupings(analysis.keyByProperty(), "key-");

        threads.setId("thread-filter");
        threads.setTitle("Threads");
        threads.setShowCheckedCount(true);
        threads.setTooltip(new Tooltip("Show the samples of these threads"));
        threads.setPrefWidth(170);
        syncChoices(analysis, threadFilter);
        threadFilter.choices().addListener((ListChangeListener<ThreadChoice>) c -> syncChoices(analysis, threadFilter));
        threads.getCheckModel().getCheckedItems().addListener((ListChangeListener<ThreadChoice>) c -> {
            if (!syncing) threadFilter.show(threads.getCheckModel().getCheckedItems().stream().map(ThreadChoice::index).toList());
        });

        processes.setId("process-filter");
        processes.setTitle("Processes");
        processes.setShowCheckedCount(true);
        processes.setTooltip(new Tooltip("Show the samples of these processes"));
        processes.setPrefWidth(170);
        processes.setVisible(false);
        processes.managedProperty().bind(processes.visibleProperty());
        if (processFilter != null) {
            syncProcesses(processFilter);
            processFilter.choices().addListener((ListChangeListener<ProcessChoice>) c -> syncProcesses(processFilter));
            processes.getCheckModel().getCheckedItems().addListener((ListChangeListener<ProcessChoice>) c -> {
                if (!syncing) {
                    processFilter.show(processes.getCheckModel().getCheckedItems().stream().map(ProcessChoice::index).toList());
                }
            });
        }
        // Either filter changes the analysis's threads: each shows what the other did.
        analysis.threadsProperty().addListener((o, before, now) -> {
            syncChoices(analysis, threadFilter);
            if (processFilter != null) syncProcesses(processFilter);
        });

        CheckBox idle = new CheckBox("Include idle");
        idle.setId("include-idle");
        idle.setTooltip(new Tooltip("Count samples of threads that were waiting (I/O, locks, sleep), not only running ones"));
        idle.selectedProperty().bindBidirectional(analysis.includeIdleProperty());
        CheckBox gil = new CheckBox("GIL only");
        gil.setId("gil-only");
        gil.setTooltip(new Tooltip("Only samples of threads that held the GIL"));
        gil.selectedProperty().bindBidirectional(analysis.gilOnlyProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("analysis-busy");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        // Only worth showing when a rebuild is slow enough to notice; a live profile rebuilds several times a second.
        busy.visibleProperty().bind(analysis.busyProperty().and(analysis.analysisProperty().isNull()));

        getChildren().addAll(groupLabel, groups, Controls.gap(6), processes, threads, idle, gil, Controls.spacer(), busy);
    }

    /** The "Frames" choice: group frames by function, line, file or module; toggles are named {@code idPrefix + "line"}, say. */
    public static SegmentedButton groupings(ObjectProperty<KeyBy> keyBy, String idPrefix) {
        return Controls.segmented(keyBy, List.of(KeyBy.FUNCTION, KeyBy.LINE, KeyBy.FILE, KeyBy.MODULE), by -> switch (by) {
            case FUNCTION -> "Function";
            case LINE -> "Line";
            case FILE -> "File";
            case MODULE -> "Module";
        }, idPrefix);
    }

    private void syncProcesses(ProcessFilterViewModel processFilter) {
        syncing = true;
        try {
            List<ProcessChoice> choices = processFilter.choices();
            if (!processes.getItems().equals(choices)) processes.getItems().setAll(choices);
            processes.setVisible(!choices.isEmpty());
            for (int i = 0; i < choices.size(); i++) {
                boolean shown = processFilter.isShown(choices.get(i).index());
                if (shown != processes.getCheckModel().isChecked(i)) {
                    if (shown) processes.getCheckModel().check(i);
                    else processes.getCheckModel().clearCheck(i);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void syncChoices(AnalysisViewModel analysis, ThreadFilterViewModel threadFilter) {
        syncing = true;
        try {
            List<ThreadChoice> choices = threadFilter.choices();
            if (!threads.getItems().equals(choices)) threads.getItems().setAll(choices);
            for (int i = 0; i < choices.size(); i++) {
                boolean shown = threadFilter.isShown(choices.get(i).index());
                if (shown != threads.getCheckModel().isChecked(i)) {
                    if (shown) threads.getCheckModel().check(i);
                    else threads.getCheckModel().clearCheck(i);
                }
            }
        } finally {
            syncing = false;
        }
    }
}
