package dev.pyrometer.app.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/**
 * The right-click menu of a table of frames: open the selected row's frame in the editor, show its sandwich. Items
 * are added as their handlers are set; a right click selects the row first, so the items act on the selection.
 */
public final class RowMenu {
    private final Control table;
    private final ContextMenu menu = new ContextMenu();

    public RowMenu(Control table) {
        this.table = table;
    }

    /** Adds an item acting on the selected row. */
    public void add(String text, String id, Runnable action) {
        MenuItem item = Controls.item(text, action);
        item.setId(id);
        menu.getItems().add(item);
        table.setContextMenu(menu);
    }
}
