package dev.pyrometer.app.ui.flame;

/** How flame graph frames are coloured. */
public enum ColorMode {
    /** One hue per module or package: where the time goes, by library. */
    MODULE("By module"),
    /** By what the samples were doing: Python code, native code, the kernel, or waiting. */
    CATEGORY("By category"),
    /** By the {@link FrameAnnotations} laid over the graph: how each frame changed between two runs. */
    CHANGE("By change");

    private final String label;

    ColorMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
