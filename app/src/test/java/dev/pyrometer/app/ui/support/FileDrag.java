package dev.pyrometer.app.ui.support;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.util.List;
import java.util.Set;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Files dragged from a file manager onto a node, as the events a real drag delivers: the headless platform has no
 * drag source, so the board is a small in-memory one that offers the files for copying.
 */
public final class FileDrag {
    private FileDrag() {}

    /** Drags {@code files} over {@code target} and drops them if it accepts; returns the mode it accepted, or null. */
    public static TransferMode drop(Node target, List<File> files) {
        Dragboard board = DragboardHelper.createDragboard(new FilesBoard(files));
        DragEvent over = event(DragEvent.DRAG_OVER, board);
        target.fireEvent(over);
        TransferMode accepted = over.getAcceptedTransferMode();
        if (accepted != null) target.fireEvent(event(DragEvent.DRAG_DROPPED, board));
        return accepted;
    }

    private static DragEvent event(EventType<DragEvent> type, Dragboard board) {
        return new DragEvent(type, board, 100, 100, 100, 100, TransferMode.COPY, null, null, null);
    }

    /** A board holding a list of files, offered for copy only (as a file manager does). */
    private record FilesBoard(List<File> files) implements TKClipboard {
        @Override public Set<DataFormat> getContentTypes() { return Set.of(DataFormat.FILES); }
        @SafeVarargs @Override public final boolean putContent(Pair<DataFormat, Object>... content) { return false; }
        @Override public Object getContent(DataFormat format) { return DataFormat.FILES.equals(format) ? files : null; }
        @Override public boolean hasContent(DataFormat format) { return DataFormat.FILES.equals(format); }
        @Override public Set<TransferMode> getTransferModes() { return Set.of(TransferMode.COPY); }
        @Override public void setDragView(Image image) { }
        @Override public void setDragViewOffsetX(double offset) { }
        @Override public void setDragViewOffsetY(double offset) { }
        @Override public Image getDragView() { return null; }
        @Override public double getDragViewOffsetX() { return 0; }
        @Override public double getDragViewOffsetY() { return 0; }
    }
}
