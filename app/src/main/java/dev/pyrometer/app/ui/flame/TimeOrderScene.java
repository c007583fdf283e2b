package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.TimeOrder;

/**
 * Everything the flame chart draws, computed off the UI thread: the chart, a module colour and short label per key,
 * which keys match the search, and the selected frame. Immutable.
 *
 * @param keyColors   per key, an index into {@link FlamePalette}'s module colours
 * @param keyMatches  per key, whether it matches the search; null when there is no search
 * @param selectedKey the key outlined wherever it appears, or -1
 */
public record TimeOrderScene(TimeOrder chart, byte[] keyColors, boolean[] keyMatches, int selectedKey, String[] keyLabels) {

    public static TimeOrderScene of(TimeOrder chart, String search, FrameSelection selected) {
        Keys keys = chart.keys();
        byte[] colors = new byte[keys.size()];
        for (int k = 0; k < colors.length; k++) colors[k] = FlamePalette.forModule(keys.module(k), keys.function(k));
        return new TimeOrderScene(chart, colors, FlameSceneBuilder.searchKeys(keys, search),
            FlameSceneBuilder.selectedKey(keys, selected), FlameSceneBuilder.shortLabels(keys));
    }

    public boolean hasSearch() {
        return keyMatches != null;
    }

    public TimeOrderScene withSelectedKey(int key) {
        return new TimeOrderScene(chart, keyColors, keyMatches, key, keyLabels);
    }
}
