package dev.pyrometer.app.ui.compare;

/** The two runs of a comparison: BASE is before (the baseline), NEW is after. */
public enum Side {
    BASE("Base"),
    NEW("New");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
