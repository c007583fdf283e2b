package dev.pyrometer.app.ui.common;

import java.util.Locale;

/**
 * One memory figure as the tables and the gutter show it: the net change (growth − release) as the headline, the
 * growth and release behind it, the number of ticks it rests on and whether it stands out of the memory track's
 * noise (see {@code MemoryCounts}). A figure within the noise is shown greyed, not as a finding.
 *
 * @param what what the figure covers, for the tooltip ("while the function itself was innermost", ...)
 */
public record MemoryFigure(long growth, long release, int ticks, boolean finding, double jitter, String what) {
    public static final MemoryFigure NONE = new MemoryFigure(0, 0, 0, false, 0, "");
    /** The style class of a figure within the noise. */
    public static final String NOISE_STYLE = "memory-noise";

    public long net() {
        return growth - release;
    }

    /** True when no tick went to it: a blank cell. */
    public boolean isEmpty() {
        return ticks == 0;
    }

    /** The net in at most six characters: {@code +4.2M}, {@code −12K}, {@code 0}. */
    public String text() {
        long net = net();
        return net == 0 ? "0" : (net > 0 ? "+" : "−") + compact(Math.abs(net));
    }

    /** What the figure means and how far to trust it. */
    public String tooltip() {
        String verdict = finding
            ? "Beyond the track's noise: a finding."
            : String.format(Locale.ROOT, "Within the track's noise (jitter %s per tick × √%d ticks = %s): not a finding.",
                Formats.bytes(Math.round(jitter)), ticks, Formats.bytes(Math.round(jitter * Math.sqrt(Math.max(1, ticks)))));
        return String.format(Locale.ROOT, "Net %s%s %s: grew %s, released %s, over %,d tick%s.%nResident memory (RSS) read once "
                + "per sampler tick; each tick's change goes to the frames on the stack at both ticks. %s",
            net() < 0 ? "−" : "+", Formats.bytes(Math.abs(net())), what, Formats.bytes(growth), Formats.bytes(release), ticks,
            ticks == 1 ? "" : "s", verdict);
    }

    /** Bytes in at most five characters: {@code 512B}, {@code 12K}, {@code 4.2M}, {@code 310M}, {@code 1.5G}. */
    public static String compact(long bytes) {
        if (bytes < 1024) return bytes + "B";
        if (bytes < 1024 * 1024) return (bytes >> 10) + "K";
        double mb = bytes / 1048576.0;
        if (mb < 9.95) return String.format(Locale.ROOT, "%.1fM", mb);
        if (mb < 1023.5) return String.format(Locale.ROOT, "%.0fM", mb);
        return String.format(Locale.ROOT, "%.1fG", mb / 1024);
    }
}
