package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.common.Controls;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.diff.PairingSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The top of a comparison: the two runs in two aligned rows (what ran, which Python, when, for how long, how much was
 * sampled), the facts that differ highlighted and named in one sentence, where each run's files were and which rule
 * paired the frames, and the biggest real changes as links.
 */
final class CompareHeader extends HBox {
    private static final String[] COLUMNS = {"", "run", "command", "Python", "recorded", "duration", "samples", "threads", "rate"};
    private static final int TOP_CHANGES = 3;

    private final CompareViewModel model;
    private final GridPane grid = new GridPane();
    private final Label differs = new Label();
    private final Label pairing = new Label();
    private final HBox changes = new HBox(10);

    CompareHeader(CompareViewModel model) {
        this.model = model;
        getStyleClass().add("compare-header");
        setId("compare-header");
        grid.getStyleClass().add("compare-runs");
        grid.setHgap(14);
        grid.setVgap(2);
        differs.setId("compare-differs");
        differs.getStyleClass().add("compare-differs");
        differs.setWrapText(true);
        pairing.setId("compare-pairing");
        pairing.getStyleClass().add("compare-pairing");
        pairing.setWrapText(true);
        changes.setId("compare-top-changes");
        changes.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(4, grid, differs, pairing, changes);
        HBox.setHgrow(left, Priority.ALWAYS);
        getChildren().addAll(left);

        model.baseFactsProperty().addListener(o -> fill());
        model.newFactsProperty().addListener(o -> fill());
        model.table().allRows().addListener((javafx.collections.ListChangeListener<DeltaRow>) c -> fillChanges());
        model.normalizationProperty().addListener(o -> fillChanges());
        model.comparisonProperty().addListener(o -> fillPairing());
        fill();
        fillPairing();
        fillChanges();
    }

    private void fill() {
        RunFacts base = model.baseFactsProperty().get();
        RunFacts news = model.newFactsProperty().get();
        grid.getChildren().clear();
        for (int c = 0; c < COLUMNS.length; c++) {
            Label title = new Label(COLUMNS[c]);
            title.getStyleClass().add("compare-column-title");
            grid.add(title, c, 0);
        }
        List<String> different = RunFacts.differences(base, news);
        addRow(1, "BASE", base, different);
        addRow(2, "NEW", news, different);
        differs.setText(sentence(base, news, different));
    }

    private void addRow(int row, String tag, RunFacts facts, List<String> different) {
        Label side = new Label(tag);
        side.getStyleClass().addAll("side-tag", row == 1 ? "side-base" : "side-new");
        side.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(side, 0, row);
        Label name = cell(facts.name() + (facts.live() ? "  ● recording" : ""), false);
        name.getStyleClass().add("compare-run-name");
        name.setId(row == 1 ? "compare-base-name" : "compare-new-name");
        grid.add(name, 1, row);
        Label command = cell(facts.command() == null ? "–" : RunFacts.shortCommand(facts.command()),
            different.contains("command") || different.contains("paths"));
        command.setMaxWidth(420);
        if (facts.command() != null) command.setTooltip(new Tooltip(facts.command()));
        grid.add(command, 2, row);
        grid.add(cell(Objects.requireNonNullElse(facts.python(), "–"), different.contains("Python")), 3, row);
        grid.add(cell(Objects.requireNonNullElse(facts.started(), "–"), false), 4, row);
        grid.add(cell(facts.durationText(), different.contains("duration")), 5, row);
        grid.add(cell(Formats.count(facts.samples()), different.contains("samples")), 6, row);
        grid.add(cell(Integer.toString(facts.threads()), different.contains("threads")), 7, row);
        grid.add(cell(Objects.requireNonNullElse(facts.rate(), "–"), different.contains("rate")), 8, row);
    }

    private static Label cell(String text, boolean differs) {
        Label label = new Label(text);
        label.getStyleClass().add("compare-fact");
        if (differs) label.getStyleClass().add("fact-differs");
        return label;
    }

    /** "Differs: Python 3.11.7 → 3.12.1, threads 1 → 2. …" or "Same command, Python and rate." */
    static String sentence(RunFacts base, RunFacts news, List<String> different) {
        List<String> parts = new ArrayList<>();
        for (String what : different) {
            parts.add(switch (what) {
                case "Python" -> "Python " + orDash(base.python()) + " → " + orDash(news.python());
                case "threads" -> "threads " + base.threads() + " → " + news.threads();
                case "duration" -> "duration " + base.durationText() + " → " + news.durationText();
                case "samples" -> "samples " + Formats.count(base.samples()) + " → " + Formats.count(news.samples());
                case "rate" -> "rate " + orDash(base.rate()) + " → " + orDash(news.rate());
                case "paths" -> "the command's folders (the same program run from another place)";
                default -> what;
            });
        }
        String text = parts.isEmpty() ? "Same command, Python, threads and rate; lengths within 10%."
            : "Differs: " + String.join(", ", parts) + ".";
        if (different.contains("duration") || different.contains("samples")) {
            text += " Values are normalised, so runs of different lengths compare fairly.";
        }
        if (different.contains("Python")) {
            text += " Standard-library and package frames are matched by their path inside the library;"
                + " their line numbers may differ between versions.";
        }
        return text;
    }

    /** Where each run's files were, when not at one place, and which rule paired the frames. */
    private void fillPairing() {
        Comparison c = model.comparison();
        if (c == null) {
            pairing.setText("");
            return;
        }
        String roots = PairingSummary.roots(c.pairing());
        String text = (roots == null ? "" : roots + " ") + PairingSummary.pairedBy(c.pairing());
        pairing.setText(text);
        pairing.setTooltip(new Tooltip(text + "\nChange how frames pair with \"Match by\" below."));
    }

    private static String orDash(String s) {
        return s == null ? "–" : s;
    }

    /** The biggest changes beyond noise, as links that select them. */
    private void fillChanges() {
        changes.getChildren().clear();
        List<DeltaRow> top = model.table().allRows().stream().filter(DeltaRow::beyondNoise).limit(TOP_CHANGES).toList();
        Label title = new Label(top.isEmpty() ? "No change beyond sampling noise." : "Biggest changes:");
        title.getStyleClass().add(top.isEmpty() ? "compare-no-change" : "compare-column-title");
        title.setId("compare-verdict");
        changes.getChildren().add(title);
        Function<DeltaRow, String> text = row -> (row.delta() > 0 ? "▲ " : "▼ ") + row.name()
            + (row.isLine() ? ":" + row.ref().line() : "") + " "
            + ChangeText.delta(row.delta(), model.normalizationProperty().get());
        for (DeltaRow row : top) {
            Hyperlink link = new Hyperlink(text.apply(row));
            link.getStyleClass().addAll("top-change", row.delta() > 0 ? "delta-more" : "delta-less");
            link.setOnAction(e -> model.table().select(row));
            link.setTooltip(new Tooltip(row.name() + " (" + row.location() + ")"));
            changes.getChildren().add(link);
        }
        changes.getChildren().add(Controls.spacer());
    }
}
