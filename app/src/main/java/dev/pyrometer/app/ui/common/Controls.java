package dev.pyrometer.app.ui.common;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.SegmentedButton;

/** Small builders that keep the code-first views short and consistent. */
public final class Controls {
    private Controls() {}

    /** A region that takes the free width of an HBox. */
    public static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setMinWidth(0);
        return spacer;
    }

    /** A fixed horizontal gap. */
    public static Region gap(double width) {
        Region gap = new Region();
        gap.setMinWidth(width);
        gap.setPrefWidth(width);
        return gap;
    }

    /** A menu item whose text is shown as it is: function names have underscores, which are not mnemonics. */
    public static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * Binds a two-button segmented control to a boolean: {@code on} is selected when the property is true,
     * {@code off} when it is false, and one of them always stays selected.
     */
    public static void bindToggle(SegmentedButton segmented, ToggleButton on, ToggleButton off, BooleanProperty property) {
        segmented.getToggleGroup().selectedToggleProperty().addListener((o, before, after) -> {
            if (after == null) before.setSelected(true); // a segmented control never has nothing selected
            else property.set(after == on);
        });
        property.addListener((o, before, value) -> (value ? on : off).setSelected(true));
        (property.get() ? on : off).setSelected(true);
    }

    /**
     * A segmented control with one toggle per value, in the order given, kept in step with the property both ways;
     * one toggle always stays selected. Toggle ids are {@code idPrefix} and the value's name ({@code compare-mode-side-by-side}).
     */
    public static <E extends Enum<E>> SegmentedButton segmented(ObjectProperty<E> property, List<E> values,
                                                                Function<? super E, String> label, String idPrefix) {
        SegmentedButton group = new SegmentedButton();
        for (E value : values) {
            ToggleButton button = new ToggleButton(label.apply(value));
            button.setId(idPrefix + value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            button.setUserData(value);
            button.setSelected(property.get() == value);
            group.getButtons().add(button);
        }
        group.getToggleGroup().selectedToggleProperty().addListener((o, before, after) -> {
            if (after == null) {
                before.setSelected(true); // a segmented control never has nothing selected
            } else {
                @SuppressWarnings("unchecked")
                E value = (E) after.getUserData();
                property.set(value);
            }
        });
        property.addListener((o, before, value) -> group.getButtons().stream()
            .filter(b -> b.getUserData() == value).findFirst().ifPresent(b -> b.setSelected(true)));
        return group;
    }
}
