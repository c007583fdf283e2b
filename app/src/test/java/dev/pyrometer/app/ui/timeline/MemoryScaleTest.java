package dev.pyrometer.app.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryScaleTest {
    static final long MB = 1 << 20;

    @Test
    void fromZeroASmallSawtoothStaysSmallAndZoomedItFillsTheTrack() {
        long low = 17 * MB, high = 18 * MB;
        double base = TimelineRenderer.memoryBase(low, high, false);
        assertEquals(0, base);
        assertTrue((high - low) / (high - base) < 0.06, "a 1 MB sawtooth on 18 MB is under 6% of the height");
        double zoomed = TimelineRenderer.memoryBase(low, high, true);
        assertTrue((high - low) / (high - zoomed) > 0.8, "zoomed, it spans most of it");
    }
}
