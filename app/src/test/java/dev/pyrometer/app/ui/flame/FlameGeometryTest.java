package dev.pyrometer.app.ui.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlameGeometryTest {

    @Test
    void flameRowsGrowUpFromTheBottom() {
        FlameGeometry geo = new FlameGeometry(1000, 200, 20, false, 0);
        assertEquals(180, geo.rowTop(0));
        assertEquals(160, geo.rowTop(1));
        assertEquals(0, geo.depthAt(199));
        assertEquals(1, geo.depthAt(179));
        assertEquals(0, geo.firstVisibleDepth());
        assertEquals(9, geo.lastVisibleDepth());
    }

    @Test
    void icicleRowsGrowDownFromTheTopAndScroll() {
        FlameGeometry geo = new FlameGeometry(1000, 200, 20, true, 30);
        assertEquals(-30, geo.rowTop(0));
        assertEquals(1, geo.depthAt(0));
        assertEquals(1, geo.firstVisibleDepth());
        assertEquals(11, geo.lastVisibleDepth());
    }
}
