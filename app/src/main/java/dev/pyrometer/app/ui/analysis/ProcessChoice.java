package dev.pyrometer.app.ui.analysis;

/** A process in the processes filter: its index in the profile's process table and the label the filter shows. */
public record ProcessChoice(int index, String label) {
    @Override
    public String toString() {
        return label;
    }
}
