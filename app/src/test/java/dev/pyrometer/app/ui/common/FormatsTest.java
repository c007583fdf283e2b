package dev.pyrometer.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void countsReadAsEnglish() {
        assertEquals("0 threads", Formats.count(0, "thread"));
        assertEquals("1 thread", Formats.count(1, "thread"));
        assertEquals("12,345 samples", Formats.count(12_345, "sample"));
    }

    @Test
    void percentagesKeepTheirPrecisionWhereItMatters() {
        assertEquals("0%", Formats.percent(0));
        assertEquals("<0.01%", Formats.percent(0.00001));
        assertEquals("0.42%", Formats.percent(0.0042));
    }
}
