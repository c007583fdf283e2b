package dev.pyrometer.app.ui.flame;

import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * Keeps a hover card beside the mouse over a canvas: below and right of the pointer, flipped to the other side when
 * it would leave the overlay it is drawn on. Shared by the flame graph's card and the flame chart's.
 */
final class HoverCardPlacement {
    private final Region card;
    private final Region overlay;
    private double mouseX;
    private double mouseY;

    HoverCardPlacement(Region card, Region overlay, Node canvas) {
        this.card = card;
        this.overlay = overlay;
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            place();
        });
    }

    /** Moves the card to the last mouse position (call after changing what it shows). */
    void place() {
        if (!card.isVisible()) return;
        card.applyCss();
        card.autosize();
        double w = card.getWidth(), h = card.getHeight();
        double x = mouseX + 16, y = mouseY + 18;
        if (x + w > overlay.getWidth() - 4) x = Math.max(4, mouseX - w - 12);
        if (y + h > overlay.getHeight() - 4) y = Math.max(4, mouseY - h - 12);
        card.relocate(x, y);
    }
}
