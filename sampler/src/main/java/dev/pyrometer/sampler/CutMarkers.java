package dev.pyrometer.sampler;

/**
 * The frame that stands for the innermost frames left out of a stack deeper than the sampler keeps: {@code [N
 * frames cut]}, with no file, at the innermost end of the kept (outermost) frames.
 */
public final class CutMarkers {
    private CutMarkers() {}

    /** The marker frame's function name for {@code cut} frames left out. */
    public static String name(int cut) {
        return "[" + cut + (cut == 1 ? " frame cut]" : " frames cut]");
    }
}
