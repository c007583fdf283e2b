package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.analysis.ThreadChoice;
import dev.pyrometer.model.aggregate.TimeOrder;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * The time-order flame chart pane: which thread, a line saying how to read it, and the canvas with a hover card.
 * Shown in place of the flame graph when its view mode says "Time order".
 */
public final class TimeOrderView extends BorderPane {
    private final TimeOrderCanvas canvas;
    private final Label card = new Label();

    public TimeOrderView(TimeOrderViewModel model, boolean dark) {
        this.canvas = new TimeOrderCanvas(model, dark ? FlameStyle.dark() : FlameStyle.light());
        getStyleClass().add("time-order-view");
        setId("time-order-view");

        ChoiceBox<ThreadChoice> thread = new ChoiceBox<>(model.threads());
        thread.setId("time-order-thread");
        thread.setConverter(new StringConverter<>() {
            @Override public String toString(ThreadChoice choice) { return choice == null ? "" : choice.label(); }
            @Override public ThreadChoice fromString(String text) { return null; }
        });
        thread.getSelectionModel().select(0);
        thread.valueProperty().addListener((o, before, choice) -> {
            if (choice != null) model.threadProperty().set(choice.index());
        });
        Label hint = new Label("Time runs left to right over the selected range, callers above callees. "
            + "Click a frame to select it; double-click to select its time.");
        hint.getStyleClass().add("muted");
        hint.setMinWidth(0);
        Label threadLabel = new Label("Thread");
        HBox bar = new HBox(8, threadLabel, thread, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("breadcrumb-row");

        card.setId("time-order-card");
        card.getStyleClass().add("flame-tooltip");
        card.setManaged(false);
        card.setVisible(false);
        card.setMouseTransparent(true);
        Pane overlay = new Pane(card);
        overlay.setMouseTransparent(true);
        setTop(bar);
        setCenter(new StackPane(canvas, overlay));

        HoverCardPlacement placement = new HoverCardPlacement(card, overlay, canvas.canvas());
        model.hoverTextProperty().addListener((o, before, text) -> {
            card.setText(text);
            card.setVisible(!text.isEmpty());
            placement.place();
        });
        model.threadProperty().addListener((o, before, index) -> {
            if (index.intValue() == TimeOrder.BUSIEST_THREAD) thread.getSelectionModel().select(0);
        });
    }

    public TimeOrderCanvas canvas() { return canvas; }

    public void setDark(boolean dark) {
        canvas.setStyle(dark ? FlameStyle.dark() : FlameStyle.light());
    }
}
