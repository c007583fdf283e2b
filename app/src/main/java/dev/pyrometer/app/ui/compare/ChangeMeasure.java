package dev.pyrometer.app.ui.compare;

/** Which number of a frame the comparison colours and lists: its total (with callees) or its self time. */
public enum ChangeMeasure {
    /** Time in the frame and everything it calls: the width of a frame. Changes show all the way up the stack. */
    TOTAL("Total"),
    /** Time with the frame on top of the stack: points at the code that itself got slower or faster. */
    SELF("Self");

    private final String label;

    ChangeMeasure(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
