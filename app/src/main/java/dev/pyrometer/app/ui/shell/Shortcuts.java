package dev.pyrometer.app.ui.shell;

import java.util.List;
import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut in one list: the menus take their accelerators from here, and so does the help. */
public final class Shortcuts {
    /** One shortcut: what it does and its keys ("Shortcut" is Ctrl on Linux). */
    public record Shortcut(String action, String keys) {
        public KeyCombination combination() {
            return KeyCombination.keyCombination(keys);
        }

        /** The keys as the help shows them: Ctrl+Shift+S. */
        public String display() {
            return combination().getDisplayText();
        }
    }

    public static final Shortcut OPEN = new Shortcut("Open sessions", "Shortcut+O");
    public static final Shortcut SAVE = new Shortcut("Save", "Shortcut+S");
    public static final Shortcut SAVE_AS = new Shortcut("Save as", "Shortcut+Shift+S");
    public static final Shortcut COMPARE = new Shortcut("Compare two runs", "Shortcut+Shift+C");
    public static final Shortcut COMPARE_BASELINE = new Shortcut("Compare this run with a baseline", "Shortcut+Shift+B");
    public static final Shortcut CLOSE_TAB = new Shortcut("Close tab", "Shortcut+W");
    public static final Shortcut QUIT = new Shortcut("Quit", "Shortcut+Q");
    public static final Shortcut PREFERENCES = new Shortcut("Preferences (editor, path mappings)", "Shortcut+COMMA");
    public static final Shortcut PROCESSES = new Shortcut("Show the process list", "Shortcut+Shift+P");
    public static final Shortcut REFRESH = new Shortcut("Refresh the process list", "F5");
    public static final Shortcut LAUNCH = new Shortcut("Launch a program", "Shortcut+L");
    public static final Shortcut PAUSE = new Shortcut("Pause or resume recording", "Shortcut+P");
    public static final Shortcut STOP = new Shortcut("Stop recording", "Shortcut+E");
    public static final Shortcut SNAPSHOT = new Shortcut("Snapshot stacks", "Shortcut+D");
    public static final Shortcut FIND = new Shortcut("Search the flame graph", "Shortcut+F");
    public static final Shortcut FIND_NEXT = new Shortcut("Next match (also Enter in the search field)", "F3");
    public static final Shortcut FIND_PREVIOUS = new Shortcut("Previous match (also Shift+Enter)", "Shift+F3");
    public static final Shortcut UNDO = new Shortcut("Undo the last transform", "Shortcut+Z");
    public static final Shortcut RESET_ZOOM = new Shortcut("Reset zoom", "Shortcut+0");
    public static final Shortcut ZOOM_OUT = new Shortcut("Zoom out one level", "Shortcut+MINUS");
    public static final Shortcut BY_FUNCTION = new Shortcut("Frames by function", "Shortcut+1");
    public static final Shortcut BY_LINE = new Shortcut("Frames by line", "Shortcut+2");
    public static final Shortcut BY_FILE = new Shortcut("Frames by file", "Shortcut+3");
    public static final Shortcut BY_MODULE = new Shortcut("Frames by module", "Shortcut+4");
    public static final Shortcut ICICLE = new Shortcut("Flame or icicle", "Shortcut+I");
    public static final Shortcut COLORS = new Shortcut("Colour by module or category", "Shortcut+K");
    public static final Shortcut CALL_TREE = new Shortcut("Show the call tree", "Shortcut+T");
    public static final Shortcut HOT = new Shortcut("Show hot functions", "Shortcut+H");
    public static final Shortcut OPEN_IN_EDITOR = new Shortcut("Open the selected frame (or the source line) in your editor", "F4");
    public static final Shortcut SANDWICH = new Shortcut("Show the sandwich (callers and callees) of the selection", "Shortcut+Shift+W");
    public static final Shortcut THEME = new Shortcut("Light or dark theme", "Shortcut+Shift+T");
    public static final Shortcut HELP = new Shortcut("Keyboard shortcuts", "F1");

    public static final List<Shortcut> ALL = List.of(OPEN, SAVE, SAVE_AS, COMPARE, COMPARE_BASELINE, CLOSE_TAB, QUIT, PREFERENCES, PROCESSES, REFRESH, LAUNCH,
        PAUSE, STOP, SNAPSHOT, FIND, FIND_NEXT, FIND_PREVIOUS, UNDO, ZOOM_OUT, RESET_ZOOM, BY_FUNCTION, BY_LINE, BY_FILE, BY_MODULE,
        ICICLE, COLORS, CALL_TREE, HOT, SANDWICH, OPEN_IN_EDITOR, THEME, HELP);

    private Shortcuts() {}
}
