package dev.pyrometer.app.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/**
 * The right-click menu of a table of frames: open the row's frame in the editor, show its sandwich. Items are added
 * as their handlers are set. A right click selects the row under the mouse first, so the items act on the selection.
 */
public final class RowMenu {
    private final Control table;
    private final ContextMenu menu = new ContextMenu();

    public RowMenu(Control table) {
        this.table = table;
        table.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != table; n = n.getParent()) {
                if (n instanceof TableRow<?> row && !row.isEmpty() && table instanceof TableView<?> t) {
                    t.getSelectionModel().clearAndSelect(row.getIndex());
                    return;
                }
                if (n instanceof TreeTableRow<?> row && !row.isEmpty() && table instanceof TreeTableView<?> t) {
                    t.getSelectionModel().clearAndSelect(row.getIndex());
                    return;
                }
            }
        });
    }

    /** Adds an item acting on the selected row. */
    public void add(String text, String id, Runnable action) {
        MenuItem item = Controls.item(text, action);
        item.setId(id);
        menu.getItems().add(item);
        table.setContextMenu(menu);
    }
}
