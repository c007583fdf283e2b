package dev.pyrometer.app.ui.flame;

/** One step of the zoom breadcrumb: its label and how many frames of the zoom path it keeps (0: all). */
public record Crumb(String label, int level) {
    @Override
    public String toString() {
        return label;
    }
}
