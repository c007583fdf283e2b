package dev.pyrometer.app.ui.analysis;

/** A thread in the threads filter: its index in the profile and the label the filter shows. */
public record ThreadChoice(int index, String label) {
    @Override
    public String toString() {
        return label;
    }
}
